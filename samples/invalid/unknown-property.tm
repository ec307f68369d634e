// unknown-property: 'colour' is in no knowledge base; 'encrypted' does not apply to actors.
actor User "User" { encrypted }
process Web "Web app" { colour "blue" }
flow User -> Web "Browse" { protocol https }
