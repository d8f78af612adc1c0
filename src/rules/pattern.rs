// TEMPORARY placeholder until the engine lands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason} at position {position}")]
pub struct PatternError { pub reason: &'static str, pub position: usize }
#[derive(Debug, Clone)]
pub struct Pattern { source: String }
impl Pattern {
    pub fn compile(source: &str) -> Result<Pattern, PatternError> {
        if source == "(" { return Err(PatternError { reason: "unbalanced parenthesis", position: 0 }); }
        Ok(Pattern { source: source.to_owned() })
    }
    pub fn full_match(&self, text: &str) -> bool { text == self.source }
}
