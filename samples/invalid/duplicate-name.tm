// duplicate-name: two elements called Api.
actor User "User"
process Api "Public API"
process Api "Internal API"
flow User -> Api "Call"
