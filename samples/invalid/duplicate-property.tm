// duplicate-property: protocol set twice.
actor User "User"
process Web "Web app"
flow User -> Web "Browse" { protocol http  encrypted  protocol https }
