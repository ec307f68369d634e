// Moat sample: the threat model of a card-payments checkout. Open this file: it imports every
// other file, so the whole model resolves from here. README.md says which file holds what.
import "./data.tm"
import "./platform.tm"
import "./checkout.tm"
import "./operations.tm"
import "./threats.tm"

model Payments "Online card payments" {
  product "Checkout"
  owner "Payments core squad"
  knowledgebase "moat:stride"
  // Full depth: this system is in PCI DSS scope, so every rule applies, not only the top ones.
  depth full
  // No open high threat may ship; three open mediums are tolerated while their fixes are in flight.
  budget { high 0 medium 3 }
  description "Card payments for the web shop and the mobile apps: tokenisation, fraud scoring, 3-D Secure, authorisation, settlement and the tools used to operate them"
}

// --- User stories ----------------------------------------------------------------------------
// Each story states what must NOT happen while delivering it; the threats listed are the ones a
// reviewer of the story should re-read.

story PayByCard "As a shopper I want to pay for my order by card"
  without "my card number being readable by anyone but the card vault and the acquirer"
  without "a script on the shop's page being able to copy what I type" {
  ticket "PAY-301"
  sprint "2026-48"
  touches [ShopperBrowser, Cdn, ApiGateway, TokenisationService, PaymentService]
  threats [CheckoutSkimming, EdgeSeesPan, CardTesting, CdnOutage, InstanceLoss]
}

story ConfirmWithBank "As a shopper I want to confirm a payment in my banking app"
  without "the checkout being able to skip my bank's check to reduce friction" {
  ticket "PAY-302"
  sprint "2026-48"
  touches [ShopperBrowser, PaymentService, ThreeDsServer, DirectoryServer, IssuerAcs]
  threats [ThreeDsBypass]
}

story RetryAfterTimeout "As a shopper I want to retry a payment that timed out"
  without "being charged twice for one order" {
  ticket "PAY-305"
  sprint "2026-49"
  touches [CheckoutWeb, OrderService, PaymentService]
  threats [DoubleCharge]
}

story EmailReceipt "As a shopper I want an e-mail receipt once my payment is captured"
  without "the receipt showing more than the last four digits of my card"
  without "someone else being able to trigger a receipt that says my order was paid" {
  ticket "PAY-306"
  sprint "2026-49"
  touches [EventBus, NotificationService, EmailProvider]
  threats [KafkaPlaintext]
}

story MerchantRefund "As a merchant back-office user I want to refund a captured payment"
  without "a refund reaching a card other than the one that paid" {
  ticket "PAY-310"
  sprint "2026-48"
  touches [BackOffice, PaymentService, LedgerDb]
  threats [RefundToOtherCard, WorkforcePhishing, InstanceLoss]
}

story SupportExplainsDecline "As a support agent I want to see why a shopper's payment was declined"
  without "seeing the full card number or the security code" {
  ticket "PAY-312"
  sprint "2026-50"
  touches [SupportConsole, PaymentService]
  threats [SupportOverexposure, WorkforcePhishing, SupportSearchInput]
}

story EmergencyVaultAccess "As an SRE I want emergency access to the card vault database during an incident"
  without "being able to read card numbers"
  without "acting unobserved or erasing what I did" {
  ticket "PAY-315"
  sprint "2026-50"
  touches [Bastion, CardVault, AuditLog]
  threats [VaultBreakGlass, AuditTrailErased, BreakGlassUnavailable]
}

// --- Security requirements ---------------------------------------------------------------------

requirement ProtectStoredCardData "Render stored PANs unreadable and keep them out of every system but the vault (PCI DSS requirement 3)" {
  asvs "v5.0.0-11.3.2"
  asvs "v5.0.0-13.3.3"
  iso A.8.24
  realized-by [HsmFieldEncryption, PaymentFieldsIframe, ClientSideCardEncryption, MaskedPanOnly]
}

requirement EncryptInTransit "Encrypt every channel that crosses a trust boundary (PCI DSS requirement 4)" {
  asvs "v5.0.0-12.3.1"
  iso A.8.24
  realized-by [TlsEverywhere, KafkaTls]
}

requirement TamperEvidentAudit "Keep a tamper-evident audit trail of access to cardholder data (PCI DSS requirement 10)" {
  asvs "v5.0.0-16.4.2"
  iso A.8.15
  realized-by [ObjectLockAuditLog, DualControlBreakGlass]
}

requirement HardenPublicSystems "Harden and rate-limit every internet-facing system component (PCI DSS requirements 2.2 and 6.4)" {
  asvs "v5.0.0-13.4.2"
  asvs "v5.0.0-2.4.1"
  iso A.8.9
  realized-by [HardenedWorkloadBaseline, BackOfficeWaf, EdgeBotManagement]
}

requirement KeepTakingPayments "Keep taking payments, and keep a way into the CDE, when an instance, a zone or a dependency fails" {
  iso A.5.30
  iso A.8.14
  realized-by [MultiAzDeployment, SecretsReplication, OfflineBreakGlass]
}

requirement ProtectPersonalData "Share personal data only with processors under contract, pseudonymise it where possible, and know who changed it (GDPR articles 5 and 28)" {
  asvs "v5.0.0-14.2.3"
  iso A.5.34
  realized-by [ProcessorAgreements, WarehousePseudonymisation, WarehouseAccessHistory]
}
