// Threats, the mitigations that answer them and the events the SOC watches for.
//
// Severity is derived from impact and likelihood (the rounded-up mean). The model's budget
// (model.tm) allows no open high threat and three open medium ones; at the time of writing the
// open mediums are KafkaPlaintext, EdgeSeesPan and FraudProviderOutage, so a new medium threat
// needs one of them closed first, or an owner who accepts it until its fix ships.
//
// Most threats here adopt a rule of the knowledge base (`from`): the rule found it in the diagram,
// and the threat records what the team decided about it.
import "./platform.tm"
import "./checkout.tm"
import "./operations.tm"

// --- Threats on the shopper path --------------------------------------------------------------------

// Adopts the knowledge base's derived threat WEB-TLS-01@PaymentEvents: the flow crosses from the
// payments VPC into the platform account over Kafka without TLS. It also adopts
// FLOW-INTEG-01@PaymentStatus, the other side of the same gap: the PLAINTEXT listener does not
// authenticate producers, so the topic ACL cannot tell the payment service from anyone else on the
// PrivateLink connection, and the order service acts on unsigned events.
threat KafkaPlaintext "Payment events read or forged on the plaintext Kafka listener" {
  on PaymentEvents
  on PaymentStatus
  from WEB-TLS-01
  from FLOW-INTEG-01
  stride information-disclosure, tampering, spoofing
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

// Adopts EXT-EDGE-01@Cdn: the rule sees card numbers enter the CDN on SubmitCard and leave it on
// EdgeToGateway without encryption above TLS.
threat EdgeSeesPan "Card numbers in clear text inside the CDN provider" {
  on Cdn
  from EXT-EDGE-01
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

// Adopts FLOW-SUPPLY-01@LoadCheckout: the checkout page and its scripts reach the browser through
// the CDN, so a change there (or in a script it serves) runs next to the card fields.
threat CheckoutSkimming "Injected script skims card fields on the checkout page (Magecart)" {
  on ShopperBrowser
  on LoadCheckout
  from FLOW-SUPPLY-01
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

// Adopts EXT-DEP-01@Cdn. Origins accept traffic only with the CDN's origin-pull certificate, so there
// is no way around the CDN when it fails; that is the price of keeping the origins off the internet.
threat CdnOutage "A CDN outage stops checkout" {
  on Cdn
  from EXT-DEP-01
  stride denial-of-service
  impact high
  likelihood low
  asvs "v5.0.0-16.5.2"
  cwe 410
  iso A.5.30
  accepted-by "Priya Raman (Head of Payments Product)" until 2027-06-30 because "The web shop and the app API sit behind the same CDN, so a second CDN for payments alone would not keep shoppers paying; the incident runbook covers the status page and merchant notices. Revisit at the multi-CDN review in Q2 2027"
}

// Adopts PROC-AVAIL-01 on the gateway and the back office. (The checkout web app scales
// horizontally and says so in checkout.tm; the bastion is BreakGlassUnavailable.)
threat InstanceLoss "Losing a node or a zone stops card payments or refunds" {
  on ApiGateway
  on BackOffice
  from PROC-AVAIL-01
  stride denial-of-service
  impact high
  likelihood low
  asvs "v5.0.0-15.2.2"
  cwe 410
  iso A.8.14
  mitigated-by MultiAzDeployment
}

// Adopts FLOW-SUPPLY-01@ThreeDsChallenge to record why it does not apply here. The rule is right
// about the checkout page (CheckoutSkimming); the challenge is the issuer's page, not ours.
threat AcsChallengeFrame "Issuer's 3-D Secure challenge page altered to skim the shopper" {
  on ThreeDsChallenge
  from FLOW-SUPPLY-01
  stride tampering, information-disclosure
  not-applicable "EMV 3DS renders the challenge in a cross-origin iframe served by the issuer's ACS: it cannot read or change the checkout page or the payment-fields frame, Subresource Integrity cannot apply to a page the issuer generates per transaction, and the ACS's integrity is the issuer's obligation under the card-scheme rules"
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
  detected-by ScaExemptionAnomaly
}

// Adopts FLOW-DEP-01@FraudLookup. The call does time out; what it does next is the problem.
threat FraudProviderOutage "Fraud-provider outage makes scoring fail open" {
  on FraudLookup
  from FLOW-DEP-01
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

// Adopts STORE-BACKUP-01@SecretsManager. Every secret can be reissued, but the acquirer's SFTP key
// and the directory-server certificate take days to replace with the acquirer and the card scheme,
// and settlement cannot wait that long.
threat SecretsLost "Secrets deleted or lost stop authorisation and settlement" {
  on SecretsManager
  from STORE-BACKUP-01
  stride denial-of-service
  impact high
  likelihood low
  iso A.8.13
  mitigated-by SecretsReplication
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

// Adopts PROC-INPUT-01@SupportConsole and PROC-LOGINJ-01@SupportConsole. The console began as an
// internal tool; but agents are partner staff, so what they type is untrusted input, and every
// search they make is written to the audit log.
threat SupportSearchInput "Support agents' search input reaches downstream calls and the audit log unchecked" {
  on SupportConsole
  from PROC-INPUT-01
  from PROC-LOGINJ-01
  stride tampering, repudiation
  description "An agent could forge or split audit entries by putting line breaks into a search field, or probe the order and payment services with malformed identifiers."
  impact medium
  likelihood low
  asvs "v5.0.0-2.2.1"
  asvs "v5.0.0-16.4.1"
  cwe 117
  capec 93
  iso A.8.28
  mitigated-by SupportInputValidation
  accepted-by "Lena Fischer (Merchant experience squad lead)" until 2027-02-28 because "Agents are named partner staff who sign in with FIDO2 keys, the console reaches only the order and payment services, which validate every field themselves, and it shows masked data only; the fix ships in sprint 2026-50"
}

// Adopts PROC-AVAIL-01@Bastion and EXT-DEP-01@IdentityProvider. Break-glass is the only way into the
// CDE during an incident, and today it needs both a bastion instance that starts and Okta. An Okta
// outage also stops merchants signing in to the back office, which the merchant squad accepts.
threat BreakGlassUnavailable "Break-glass access fails when the identity provider or the bastion is down" {
  on Bastion
  on IdentityProvider
  from PROC-AVAIL-01
  from EXT-DEP-01
  stride denial-of-service
  impact high
  likelihood low
  asvs "v5.0.0-16.5.2"
  iso A.5.30
  mitigated-by OfflineBreakGlass
  accepted-by "Marta Nowak (Head of Platform Engineering)" until 2027-03-31 because "An IdP outage during a CDE incident is unlikely, and the payment service keeps authorising without break-glass access; sealed emergency identities ship with SEC-88 in sprint 2026-50"
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
  detected-by SsoAnomalousSignIn
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

// Adopts STORE-AUDIT-01@DataWarehouse. Low: the ledger, not the warehouse, is the record of truth,
// but merchants see reports built from the warehouse.
threat WarehouseReportTampering "Merchant reports changed in the warehouse without a trace" {
  on DataWarehouse
  from STORE-AUDIT-01
  stride repudiation
  impact low
  likelihood low
  asvs "v5.0.0-16.2.1"
  cwe 778
  iso A.8.15
  mitigated-by WarehouseAccessHistory
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
  sprint "2026-49"
  owner "Payments core squad"
  asvs "v5.0.0-12.3.1"
}

mitigation ClientSideCardEncryption "Encrypt card fields in the browser with the vault's public key (JWE) before they leave the device" {
  status in-progress
  ticket "PAY-187"
  sprint "2026-48"
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
  sprint "2026-49"
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

mitigation WarehouseAccessHistory "Reporting schema writable by the loader role only; Snowflake access history exported to the SIEM" {
  status planned
  ticket "DATA-91"
  owner "Data platform team"
  asvs "v5.0.0-16.2.1"
}

mitigation MultiAzDeployment "The API gateway and the back-office portal run three replicas across availability zones, with pod disruption budgets and a quarterly zone-loss drill" {
  status done
  ticket "PLAT-58"
  owner "Platform engineering"
  iso A.8.14
}

mitigation SecretsReplication "Secrets replicated to the recovery region; deleting one needs a 30-day recovery window (enforced by an SCP)" {
  status done
  ticket "PLAT-71"
  owner "Platform engineering"
  iso A.8.13
}

mitigation OfflineBreakGlass "Two sealed emergency identities on the bastion, with hardware keys kept in the office safe, that work without the IdP; the bastion's launch template spans every zone" {
  status planned
  ticket "SEC-88"
  sprint "2026-50"
  owner "Platform engineering"
  iso A.5.30
}

mitigation SupportInputValidation "Support console validates search fields (order id, token reference, e-mail) on the server and writes structured audit events" {
  status in-progress
  ticket "PAY-318"
  sprint "2026-50"
  owner "Merchant experience squad"
  asvs "v5.0.0-2.2.1"
  asvs "v5.0.0-16.4.1"
}

// Covers every instance of PROC-DOS-01, which are the two back-office tools: the shopper path is
// rate-limited at the CDN and the API gateway, and says so.
mitigation BackOfficeWaf "Back-office portal and support console published only through the load balancer's WAF, with rate-based rules per IP and per session" {
  status done
  ticket "OPS-41"
  owner "Merchant experience squad"
  asvs "v5.0.0-2.4.1"
  covers PROC-DOS-01
}

// Covers every instance of PROC-HARDEN-01 (today the two back-office tools; the web tier, the CDE
// and the bastion are marked hardened where they are declared).
mitigation HardenedWorkloadBaseline "CIS-hardened node images and a container baseline for every internet-facing workload: debug endpoints off, generic error pages, no version banners, only the needed ports" {
  status done
  ticket "PLAT-64"
  owner "Platform engineering"
  asvs "v5.0.0-13.4.2"
  iso A.8.9
  covers PROC-HARDEN-01
}

// Covers every instance of FLOW-EXT-02: the fraud-data provider (device data and an e-mail hash)
// and the e-mail and SMS provider (receipts) are processors under GDPR article 28 agreements.
mitigation ProcessorAgreements "Processors get personal data only under a data processing agreement and a vendor security review, and only the fields they need" {
  status done
  ticket "PRIV-12"
  owner "Privacy office"
  asvs "v5.0.0-14.2.3"
  iso A.5.34
  covers FLOW-EXT-02
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

event ScaExemptionAnomaly "Payments authorised without 3-D Secure outside the exemption rules" {
  source application
  alert "any frictionless authorisation above the exemption threshold, or a merchant's exemption rate above 30% over an hour"
  runbook "https://runbooks.example.com/payments/sca-exemptions"
}

event SsoAnomalousSignIn "Workforce or partner sign-in without a FIDO2 key, from a new device or with impossible travel" {
  source identity
  alert "any sign-in to the back office, the support console or the bastion that did not use a FIDO2 key"
  runbook "https://runbooks.example.com/security/sso-anomaly"
}

event AuditDeleteAttempt "Attempt to delete or shorten retention of audit records" {
  source infrastructure
  alert "any denied DeleteObject or PutObjectRetention on the audit bucket"
}
