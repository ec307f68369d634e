// isolated-element: Reports takes part in no flow.
actor User "User"
process Web "Web app"
datastore Reports "Report archive"
flow User -> Web "Browse"
