
extern crate audit_git;
