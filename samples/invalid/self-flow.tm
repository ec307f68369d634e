// self-flow: a process sending to itself.
actor User "User"
process Worker "Worker"
flow User -> Worker "Submit job"
flow Loop: Worker -> Worker "Retry"
