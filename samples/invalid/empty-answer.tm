// empty-answer: the spoofing answer on the worker was started and never written.
actor Operator "Operator" {
  answer spoofing "Signs in with SSO and a hardware key"
  answer repudiation "Every action is in the admin audit log"
}
process Worker "Batch worker" {
  answer spoofing ""
}
flow Run: Operator -> Worker "Start a batch" { protocol https  encrypted }
