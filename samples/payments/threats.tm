// Threats, the mitigations that answer them and the events the SOC watches for.
//
// Severity is derived from impact and likelihood (the rounded-up mean). The model's budget
// (model.tm) allows no open high threat and three open medium ones; at the time of writing the
// open mediums are KafkaPlaintext, EdgeSeesPan and FraudProviderOutage, so a new medium threat
// needs one of them closed first.
import "./platform.tm"
import "./checkout.tm"
import "./operations.tm"

// --- Threats on the shopper path --------------------------------------------------------------------

// Adopts the knowledge base's derived threat WEB-TLS-01@PaymentEvents: the flow crosses from the
// payments VPC into the platform account over Kafka without TLS.
threat KafkaPlaintext "Payment events read or forged on the plaintext Kafka listener" {
  on PaymentEvents
  from WEB-TLS-01
  stride information-disclosure, tampering
  // Events carry tokens and amounts, not PANs, and the PrivateLink connection is private: medium impact,
  // low likelihood. A forged "captured" event could still make the order service ship goods.
  impact medium
  likelihood low
  asvs "v5.0.0-12.3.1"
  cwe 319
  capec 157
  iso A.8.24
  mitigated-by KafkaTls
  detected-by PlaintextKafkaConnection
}

threat EdgeSeesPan "Card numbers in clear text inside the CDN provider" {
  on Cdn
  stride information-disclosure
  description "The CDN terminates TLS, so its staff, its logs and a compromise of its edge see card fields from the web checkout. The app already encrypts card fields on the device."
  impact high
  likelihood low
  asvs "v5.0.0-14.2.3"
  cwe 359
  capec 117
  iso A.5.23
  mitigated-by ClientSideCardEncryption
}

threat CheckoutSkimming "Injected script skims card fields on the checkout page (Magecart)" {
  on ShopperBrowser
  stride tampering, information-disclosure
  impact high
  likelihood medium
  asvs "v5.0.0-3.4.3"
  asvs "v5.0.0-3.6.1"
  cwe 830
  capec 446
  iso A.5.21
  mitigated-by PaymentFieldsIframe, StrictCsp
  detected-by CspViolationSpike
}

threat CardTesting "Card-testing bots validate stolen cards with small payments" {
  on ApiGateway
  stride spoofing
  impact high
  likelihood high
  asvs "v5.0.0-2.4.1"
  cwe 799
  capec 112
  iso A.8.16
  mitigated-by [EdgeBotManagement, FraudVelocityRules]
  detected-by CardTestingSpike
}

threat SessionHijack "Shopper session stolen to change the delivery address after payment" {
  on CheckoutWeb
  stride spoofing
  impact medium
  likelihood medium
  asvs "v5.0.0-3.3.4"
  cwe 1004
  capec 593
  iso A.8.5
  mitigated-by HardenedSessionCookies
}

// --- Threats in the payments core -------------------------------------------------------------------

threat DoubleCharge "Authorisation retried after a timeout charges the shopper twice" {
  on AuthorisePayment
  stride tampering
  impact medium
  likelihood low
  asvs "v5.0.0-2.3.3"
  cwe 837
  iso A.8.26
  // The fix is planned, and the risk is accepted until it ships.
  mitigated-by IdempotencyKeys
  accepted-by "Priya Raman (Head of Payments Product)" until 2027-06-30 because "The acquirer rejects duplicate STAN/RRN pairs within 24 hours and the nightly reconciliation voids duplicates; idempotency keys ship with PAY-212"
}

threat ThreeDsBypass "Client skips 3-D Secure by claiming an SCA exemption" {
  on PaymentService
  stride tampering, elevation-of-privilege
  impact high
  likelihood medium
  asvs "v5.0.0-2.3.1"
  cwe 602
  capec 74
  iso A.8.26
  mitigated-by ServerSideScaDecision
}

threat FraudProviderOutage "Fraud-provider outage makes scoring fail open" {
  on FraudLookup
  stride denial-of-service
  description "Today a timeout from the provider scores the transaction as 'no signal', which the rules treat as low risk."
  impact medium
  likelihood medium
  asvs "v5.0.0-16.5.2"
  cwe 636
  capec 607
  iso A.5.30
  mitigated-by FraudFailSafe
}

// --- Threats in operations ----------------------------------------------------------------------------

threat VaultBreakGlass "Engineer reads card numbers through break-glass access to the vault" {
  on BastionToVault
  stride information-disclosure, elevation-of-privilege
  impact critical
  likelihood low
  cwe 250
  capec 122
  iso A.8.2
  asvs "v5.0.0-8.4.2"
  mitigated-by DualControlBreakGlass, HsmFieldEncryption
  detected-by BreakGlassSession
}

threat AuditTrailErased "Intruder in the CDE erases the audit trail" {
  on AuditLog
  stride repudiation, tampering
  impact high
  likelihood low
  asvs "v5.0.0-16.4.2"
  capec 268
  iso A.8.15
  mitigated-by ObjectLockAuditLog
  detected-by AuditDeleteAttempt
}

threat RefundToOtherCard "Merchant insider refunds a payment to their own card" {
  on RefundRequests
  stride elevation-of-privilege, tampering
  impact high
  likelihood low
  asvs "v5.0.0-2.3.5"
  capec 212
  iso A.5.3
  mitigated-by RefundToOriginalCard
}

threat SupportOverexposure "Support agents see full card numbers" {
  on PaymentLookup
  stride information-disclosure
  impact medium
  likelihood low
  asvs "v5.0.0-14.2.6"
  cwe 359
  iso A.8.11
  mitigated-by MaskedPanOnly
}

threat WorkforcePhishing "Phished SSO credentials give access to the back office or the bastion" {
  on IdentityProvider
  stride spoofing
  impact high
  likelihood medium
  asvs "v5.0.0-6.3.3"
  cwe 308
  capec 98
  iso A.8.5
  mitigated-by PhishingResistantMfa
}

// Low severity and open: the warehouse holds pseudonymised data, but device ids and e-mail hashes
// could re-identify shoppers if joined with other data sets.
threat WarehouseReidentification "Shoppers re-identified from analytics records" {
  on DataWarehouse
  stride information-disclosure
  impact low
  likelihood low
  cwe 359
  iso A.8.11
  iso A.5.34
  mitigated-by WarehousePseudonymisation
}

// --- Mitigations ----------------------------------------------------------------------------------

// The platform standard. It covers every instance of WEB-TLS-01 in the model, so a new flow that
// crosses a boundary in clear is reported against this mitigation rather than silently accepted;
// the one known exception (PaymentEvents) is adopted above as KafkaPlaintext.
mitigation TlsEverywhere "TLS 1.2+ (mTLS inside the service mesh) on every channel that crosses a trust boundary" {
  status in-progress
  ticket "PAY-101"
  owner "Platform engineering"
  covers WEB-TLS-01
  asvs "v5.0.0-12.3.1"
  iso A.8.24
  description "Done for HTTP and gRPC through the mesh; Kafka producers remain (PAY-214)"
}

mitigation KafkaTls "Move producers to the TLS+SCRAM listener and close PLAINTEXT 9092" {
  status in-progress
  ticket "PAY-214"
  owner "Payments core squad"
  asvs "v5.0.0-12.3.1"
}

mitigation ClientSideCardEncryption "Encrypt card fields in the browser with the vault's public key (JWE) before they leave the device" {
  status in-progress
  ticket "PAY-187"
  owner "Payments core squad"
  asvs "v5.0.0-11.3.2"
  description "Shipped in the apps; the web payment-fields iframe follows"
}

mitigation PaymentFieldsIframe "Card fields live in a cross-origin iframe from pay.example.com with Subresource Integrity on its scripts" {
  status done
  ticket "PAY-120"
  asvs "v5.0.0-3.6.1"
}

mitigation StrictCsp "Strict Content-Security-Policy with nonces and violation reporting on checkout pages" {
  status done
  ticket "PAY-121"
  asvs "v5.0.0-3.4.3"
  asvs "v5.0.0-3.4.7"
}

mitigation EdgeBotManagement "Bot management and per-IP / per-device rate limits on payment endpoints" {
  status done
  ticket "PAY-140"
  asvs "v5.0.0-2.4.1"
}

mitigation FraudVelocityRules "Velocity rules on card BIN, device and e-mail in fraud scoring" {
  status done
  ticket "PAY-152"
}

mitigation HardenedSessionCookies "__Host- prefixed Secure, HttpOnly, SameSite=Lax session cookies, rotated at sign-in" {
  status done
  ticket "PAY-133"
  asvs "v5.0.0-3.3.4"
  asvs "v5.0.0-7.2.4"
}

mitigation IdempotencyKeys "Idempotency keys on authorisation requests; timeouts trigger a reversal, never a retry" {
  status planned
  ticket "PAY-212"
  asvs "v5.0.0-2.3.3"
}

mitigation ServerSideScaDecision "3-D Secure decision made server-side from the fraud score and the exemption rules" {
  status done
  ticket "PAY-158"
  asvs "v5.0.0-2.3.1"
}

mitigation FraudFailSafe "On provider timeout, score with in-house rules only and step up to 3-D Secure" {
  status planned
  ticket "PAY-230"
  asvs "v5.0.0-16.5.3"
}

mitigation HsmFieldEncryption "PANs encrypted per row with HSM-wrapped keys; the vault database holds ciphertext only" {
  status done
  ticket "PAY-110"
  asvs "v5.0.0-13.3.3"
  iso A.8.24
}

mitigation DualControlBreakGlass "Break-glass access needs a second approver, lasts 4 hours and is session-recorded" {
  status done
  ticket "PAY-160"
  owner "Platform engineering"
  iso A.8.2
}

mitigation ObjectLockAuditLog "Audit log in a security-owned account with S3 Object Lock (compliance mode)" {
  status done
  ticket "SEC-71"
  owner "Security operations"
  asvs "v5.0.0-16.4.2"
  iso A.8.15
}

mitigation RefundToOriginalCard "Refunds go only to the original payment token; large refunds need a second approver" {
  status done
  ticket "PAY-175"
  asvs "v5.0.0-2.3.5"
}

mitigation MaskedPanOnly "Support and back-office APIs return brand, last four digits and expiry month only" {
  status done
  ticket "PAY-176"
  asvs "v5.0.0-14.2.6"
  iso A.8.11
}

mitigation PhishingResistantMfa "FIDO2 security keys required for all workforce and partner SSO" {
  status done
  ticket "SEC-42"
  owner "Security operations"
  asvs "v5.0.0-6.3.3"
}

mitigation WarehousePseudonymisation "Replace device ids and e-mail hashes with keyed per-purpose pseudonyms before loading" {
  status proposed
  ticket "DATA-88"
}

// Rejected, kept so the decision is not re-litigated. Not referenced by any threat.
mitigation PinCdnCertificate "Pin the CDN's TLS certificate in the mobile apps" {
  status wont-do
  ticket "PAY-190"
  description "The CDN rotates edge certificates without notice and pinning caused a 3-hour app outage in 2024; the app pins the vault's JWE key instead"
}

// --- Detection events --------------------------------------------------------------------------------

event PlaintextKafkaConnection "Client connection on the Kafka PLAINTEXT listener" {
  source infrastructure
  alert "any connection on port 9092 from outside the allow-list; after the PAY-214 cut-over, any connection at all"
  runbook "https://runbooks.example.com/platform/kafka-plaintext"
}

event CardTestingSpike "Burst of small declined authorisations" {
  source application
  alert "decline rate above 20% over 5 minutes for one BIN range, device or IP"
  runbook "https://runbooks.example.com/payments/card-testing"
}

event CspViolationSpike "Content-Security-Policy violations on checkout pages" {
  source application
  alert "more than 50 script-src violations per minute on /checkout"
  runbook "https://runbooks.example.com/payments/skimming"
}

event BreakGlassSession "Break-glass session started" {
  source identity
  alert "every session start pages the security on-call"
  runbook "https://runbooks.example.com/security/break-glass-review"
}

event AuditDeleteAttempt "Attempt to delete or shorten retention of audit records" {
  source infrastructure
  alert "any denied DeleteObject or PutObjectRetention on the audit bucket"
}
