// Shared platform services: run by the Platform team in their own cloud account and used by
// every product, not just payments. Payments is one tenant among several, which is why these
// services sit in their own boundary rather than inside the payments VPC (checkout.tm).
import "./data.tm"

// Workforce and merchant sign-in (SaaS). Back-office, support and break-glass access all start
// here; its flows are in operations.tm.
external IdentityProvider "Identity provider (workforce and merchant SSO)" {
  hosting saas
  trusted
  authenticates mfa
  logs audit
  criticality critical
  technology "Okta (OIDC and SAML), FIDO2 enforced for workforce"
  answer spoofing "Published OIDC discovery metadata over TLS; relying parties pin the issuer and validate token signatures against its JWKS"
  answer repudiation "System log exported hourly to the SIEM and kept for 1 year"
}

boundary Platform "Shared platform account" {
  trust internal
  network private
  owner "Platform engineering"
  description "Multi-tenant services in the platform AWS account, reached over PrivateLink"

  datastore EventBus "Event bus (Kafka)" {
    stores [PaymentEvent]
    technology "Amazon MSK 3.7, two listeners: TLS+SCRAM on 9096 and legacy PLAINTEXT on 9092"
    hosting cloud
    authenticates password
    authorizes role-based
    logs basic
    criticality high
    backup
    retention "7 days per topic"
    // The broker is modelled as a data store: it persists events and only processes talk to it.
    answer tampering "Topic ACLs allow only the payment service to produce to payments.lifecycle; other clients can only consume"
    answer denial-of-service "Three brokers across AZs; producers buffer for 10 minutes and the ledger, not Kafka, is the record of truth"
  }

  datastore SecretsManager "Secrets manager" {
    stores [ServiceCredential]
    encrypted
    technology "AWS Secrets Manager with a customer-managed KMS key"
    hosting cloud
    authenticates token
    authorizes attribute-based
    logs audit
    criticality critical
    answer information-disclosure "Each workload's IAM role can read only its own secret paths; KMS decrypt is logged in CloudTrail"
    answer repudiation "Every GetSecretValue is attributed to an IAM role in CloudTrail, which lands in the audit log"
  }

  process WarehouseEtl "Warehouse loader" {
    technology "Kafka Connect with a pseudonymisation SMT"
    hosting cloud
    sandboxed
    validates-input
    authenticates mtls
    code "platform/warehouse-etl/**"
  }

  datastore DataWarehouse "Data warehouse" {
    stores [AnalyticsRecord, MerchantReport]
    encrypted
    technology "Snowflake"
    hosting saas
    authenticates oidc
    authorizes role-based
    logs basic
    criticality medium
    answer denial-of-service not-applicable "Reporting and analytics only; checkout, authorisation and settlement never read from it"
  }

  // A separate account owned by the security team: not even Platform administrators can delete
  // from it. Nested inside the platform boundary because it is reached through the platform's
  // network, but it is a stricter zone of its own.
  boundary LogArchive "Log-archive account (security-owned)" {
    trust restricted
    network isolated
    owner "Security operations"

    // Hardened by the security team's account baseline: public access blocked at the account,
    // a bucket policy naming each writer role, no other listeners or principals.
    datastore AuditLog "Audit log store" {
      stores [AuditRecord]
      encrypted
      immutable
      backup
      hardened
      technology "S3 with Object Lock in compliance mode, replicated to a second region"
      hosting cloud
      authorizes role-based
      logs audit
      criticality high
      retention "1 year locked, then Glacier for 7 years"
      answer tampering "Object Lock compliance mode: no principal, including the account root, can shorten retention or delete"
      answer repudiation "Writers use per-service IAM roles; S3 server access logs record every request"
      answer information-disclosure "Readable only by the SOC role and the SIEM; records are written without PAN or CVC (log filter in the shared logging library)"
    }
  }
}

flow ArchiveEvents: EventBus -> WarehouseEtl "Consumes payment events for analytics" {
  protocol kafka
  encrypted
  authenticates mtls
  carries [PaymentEvent]
}

flow LoadWarehouse: WarehouseEtl -> DataWarehouse "Loads pseudonymised records" {
  protocol https
  encrypted
  carries [AnalyticsRecord, MerchantReport]
}
