// TEMPORARY placeholder until the scanner lands.
pub fn is_valid_ip_range(list: &str) -> bool {
    !list.is_empty()
}
