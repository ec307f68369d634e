// linking-error: Db is declared nowhere.
process Api "API"
actor User "User"
flow User -> Api "Call"
flow Api -> Db "Query"
