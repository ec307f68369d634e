// invalid-property-value: 'telnet' is not a protocol the vocabulary knows; 'criticality' needs a value.
actor User "User"
process Web "Web app" { criticality }
flow User -> Web "Browse" { protocol telnet }
