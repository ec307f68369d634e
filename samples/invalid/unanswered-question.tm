// unanswered-question: the STRIDE questions about the worker are still open (run with --hints).
actor Operator "Operator" {
  answer spoofing "Signs in with SSO and a hardware key"
  answer repudiation "Every action is in the admin audit log"
}
process Worker "Batch worker"
flow Run: Operator -> Worker "Start a batch" { protocol https  encrypted }
