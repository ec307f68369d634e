// Data assets of the payments system.
//
// Classification follows the company data policy: `restricted` is cardholder data in PCI DSS
// scope (and the secrets that protect it), `confidential` is personal or commercially sensitive
// data, `internal` is everything else that must not be public. Everything that touches a
// `restricted` asset is in PCI DSS scope, which is why the diagram works hard to keep the PAN
// inside the card vault enclave (see checkout.tm).
//
// This file declares data only and imports nothing: every other file imports it.

// --- Cardholder data -------------------------------------------------------------------------

data CardNumber "Primary account number (PAN)" {
  classification restricted
  pii
  tags [pci, chd]
  retention "Until the card token is deleted; encrypted at rest under HSM-held keys"
  description "The 15-19 digit card number; the only asset whose disclosure forces a PCI forensic investigation"
}

data CardSecurityCode "Card verification code (CVC2/CVV2)" {
  classification restricted
  tags [pci, sad]
  // Sensitive authentication data: PCI DSS 3.3.1 forbids storing it after authorisation, so it
  // never appears in a `stores` list; it is held in memory by the tokenisation service only.
  retention "Never stored; discarded once the authorisation response arrives"
}

data CardholderName "Cardholder name and billing address" {
  classification confidential
  pii
  tags [pci, gdpr]
  retention "7 years with the order (tax and chargeback evidence)"
}

data CardToken "Card token (surrogate PAN)" {
  classification confidential
  tags [pci]
  description "Format-preserving surrogate issued by the tokenisation service; useless outside the vault"
}

data AuthorisationMessage "Authorisation and capture messages (ISO 8583)" {
  classification restricted
  signed
  tags [pci]
  description "MTI 0100/0110 and 0200/0210 messages; carry the PAN and are MAC-ed with keys from the HSM"
}

data ThreeDsData "3-D Secure authentication data (AReq/ARes, CAVV/ECI)" {
  classification confidential
  signed
  tags [pci, sca]
}

data SettlementFile "Clearing and settlement files" {
  classification restricted
  signed
  tags [pci]
  retention "13 months (acquirer dispute window)"
}

// --- Shopper and order data ------------------------------------------------------------------

data ShopperSession "Shopper session cookie" {
  classification confidential
  credentials
  retention "30 minutes idle, 12 hours absolute"
}

data OrderDetails "Order, basket and delivery address" {
  classification confidential
  pii
  tags [gdpr]
  retention "7 years (tax law)"
}

data FraudSignals "Device fingerprint, IP address and e-mail hash" {
  classification confidential
  pii
  tags [gdpr, fraud]
  retention "18 months (fraud model training window)"
}

data RiskScore "Fraud risk score and decision" {
  classification internal
  tags [fraud]
}

data PaymentEvent "Payment lifecycle event (authorised, captured, refunded)" {
  classification internal
  // Events carry the card token and amounts only; the schema registry rejects a PAN-shaped field.
  description "Avro records on the payments.lifecycle topic"
}

data NotificationMessage "Receipt e-mail or SMS" {
  classification confidential
  pii
  description "Shows the last four digits of the card only"
}

// --- Finance and reporting -------------------------------------------------------------------

data LedgerEntry "Double-entry ledger postings" {
  classification confidential
  signed
  retention "10 years (financial records)"
}

data MerchantReport "Merchant transaction and settlement reports" {
  classification confidential
}

data AnalyticsRecord "Pseudonymised payment analytics record" {
  classification internal
  pii
  tags [gdpr]
  retention "25 months"
}

// --- Security data ---------------------------------------------------------------------------

data AuditRecord "Security audit record" {
  classification confidential
  retention "1 year online, 7 years archived (PCI DSS 10.5.1 asks for 12 months)"
}

data ServiceCredential "Service credentials and API keys" {
  classification restricted
  credentials
  description "Acquirer, fraud-provider and database credentials, SFTP keys"
}

data KeyMaterial "Wrapped data-encryption keys" {
  classification restricted
  credentials
  description "Vault DEKs wrapped under the HSM's key-encryption key; never leave the HSM in clear"
}

data SsoToken "SSO token (OIDC ID token or SAML assertion)" {
  classification confidential
  credentials
}
