// duplicate-model: two model declarations.
model Shop "Shop"
model Store "Store"
actor User "User"
process Web "Web app"
flow User -> Web "Browse"
