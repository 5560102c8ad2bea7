namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>Default personal-data patterns. Callers may pass their own list instead.</summary>
public static class PiiPatterns
{
    /// <summary>Email address.</summary>
    public static RedactionPattern Email { get; } = new("email", @"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b");

    /// <summary>Phone number in international (+…) or North American form.</summary>
    public static RedactionPattern Phone { get; } = new("phone", @"(\+[0-9]{1,3}[ .-]?([0-9]{1,4}[ .-]?){2,4}[0-9]{2,4}\b)|(\([0-9]{3}\) ?[0-9]{3}-[0-9]{4}\b)|(\b[0-9]{3}-[0-9]{3}-[0-9]{4}\b)");

    /// <summary>Payment card number (13–19 digits, spaces or dashes allowed) passing the Luhn check.</summary>
    public static RedactionPattern CreditCard { get; } = new("credit-card", @"\b[0-9]([ -]?[0-9]){12,18}\b", Checksums.IsLuhnValid);

    /// <summary>IBAN passing the mod-97 check.</summary>
    public static RedactionPattern Iban { get; } = new("iban", @"\b[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}\b", Checksums.IsIbanValid);

    /// <summary>US social security number.</summary>
    public static RedactionPattern UsSocialSecurityNumber { get; } = new("us-ssn", @"\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b");

    /// <summary>The default list: email, phone, credit card, IBAN, US SSN.</summary>
    public static IReadOnlyList<RedactionPattern> Default { get; } = [CreditCard, Iban, Email, UsSocialSecurityNumber, Phone];
}
