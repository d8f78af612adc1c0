//! Issue codes. The server's own codes are spelt exactly as it sends them, so a portal handles the
//! validator's and the server's errors with one table; the last block holds the validator's own.

pub const INVALID_REQUEST: &str = "INVALID_REQUEST";
pub const ACTIVITY_STATUS_INVALID: &str = "ACTIVITY_STATUS_INVALID";
pub const SITE_NOT_FOUND: &str = "SITE_NOT_FOUND";
pub const COMMON_INVALID_INPUT: &str = "COMMON_INVALID_INPUT";

pub const USER_FIRST_NAME_REQUIRED: &str = "USER_FIRST_NAME_REQUIRED";
pub const USER_LAST_NAME_REQUIRED: &str = "USER_LAST_NAME_REQUIRED";
pub const USER_INVALID_EMAIL: &str = "USER_INVALID_EMAIL";
pub const USER_LOGIN_NAME_REQUIRED: &str = "USER_LOGIN_NAME_REQUIRED";
pub const USER_DOMAIN_NAME_REQUIRED: &str = "USER_DOMAIN_NAME_REQUIRED";
pub const USER_INST_REQUIRED: &str = "USER_INST_REQUIRED";
pub const USER_INVALID_TYPE: &str = "USER_INVALID_TYPE";
pub const USER_IP_REQ: &str = "USER_IP_REQ";
pub const USER_INVALID_IP: &str = "USER_INVALID_IP";
pub const USER_SYS_LOGIN_NAME: &str = "USER_SYS_LOGIN_NAME";

pub const PARTICIPANT_UID_REQUIRED: &str = "PARTICIPANT_UID_REQUIRED";
pub const PARTICIPANT_INVALID_UID: &str = "PARTICIPANT_INVALID_UID";
pub const PARTICIPANT_INVALID_MPI: &str = "PARTICIPANT_INVALID_MPI";
pub const PARTICIPANT_INVALID_BIRTH_DATE: &str = "PARTICIPANT_INVALID_BIRTH_DATE";
pub const PARTICIPANT_INVALID_DEATH_DATE: &str = "PARTICIPANT_INVALID_DEATH_DATE";
pub const PARTICIPANT_INVALID_VITAL_STATUS: &str = "PARTICIPANT_INVALID_VITAL_STATUS";
pub const PARTICIPANT_INVALID_GENDER: &str = "PARTICIPANT_INVALID_GENDER";
pub const PARTICIPANT_INVALID_RACE: &str = "PARTICIPANT_INVALID_RACE";
pub const PARTICIPANT_INVALID_ETHNICITY: &str = "PARTICIPANT_INVALID_ETHNICITY";
pub const PARTICIPANT_INVALID_GENOTYPE: &str = "PARTICIPANT_INVALID_GENOTYPE";
pub const PARTICIPANT_DUP_MRN_SITE: &str = "PARTICIPANT_DUP_MRN_SITE";
pub const PARTICIPANT_INVALID_EMAIL_ID: &str = "PARTICIPANT_INVALID_EMAIL_ID";

pub const CPR_PARTICIPANT_DETAIL_REQUIRED: &str = "CPR_PARTICIPANT_DETAIL_REQUIRED";
pub const CPR_PPID_REQUIRED: &str = "CPR_PPID_REQUIRED";
pub const CPR_REG_DATE_REQUIRED: &str = "CPR_REG_DATE_REQUIRED";

// The validator's own checks (spec README, "Checks beyond the server").
pub const FIELD_TOO_LONG: &str = "FIELD_TOO_LONG";
pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
pub const PUT_RESETS_FIELD: &str = "PUT_RESETS_FIELD";
pub const DEATH_DATE_IGNORED: &str = "DEATH_DATE_IGNORED";
pub const DATE_ROLLS_OVER: &str = "DATE_ROLLS_OVER";

/// Why a value is `INVALID_REQUEST` (the `reason` param; messages pick their wording by it).
pub mod reason {
    pub const NOT_OBJECT: &str = "notObject";
    pub const NOT_TEXT: &str = "notText";
    pub const NOT_BOOLEAN: &str = "notBoolean";
    pub const NOT_INTEGER: &str = "notInteger";
    pub const NOT_LIST: &str = "notList";
    pub const NOT_DATE: &str = "notDate";
    pub const DATE_OUT_OF_RANGE: &str = "dateOutOfRange";
    pub const NOT_JSON: &str = "notJson";
    pub const TOO_LARGE: &str = "tooLarge";
    pub const TOO_DEEP: &str = "tooDeep";
    pub const UNSUPPORTED: &str = "unsupported";
    pub const BROKEN_TEXT: &str = "brokenText";
}
