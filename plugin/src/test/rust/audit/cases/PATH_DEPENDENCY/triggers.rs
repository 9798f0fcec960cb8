
extern crate audit_outside;
