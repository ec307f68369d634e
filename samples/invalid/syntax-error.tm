// parsing-error: a flow with no target, then a valid declaration that still validates.
process Web "Web app"
flow Broken: Web -> "no target"
actor User "User"
flow User -> Web "Browse"
