// empty-boundary: the Dmz boundary contains nothing.
boundary Dmz "DMZ" { }
actor User "User"
process Web "Web app"
flow User -> Web "Browse"
