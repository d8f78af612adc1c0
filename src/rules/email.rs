// TEMPORARY placeholder until the scanner lands.
pub fn is_valid_email(address: &str) -> bool {
    address.contains('@')
}
