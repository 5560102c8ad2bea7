namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>Credentials that must never reach an incident comment, whatever a model or a prompt says.</summary>
public static class SecretPatterns
{
    /// <summary>Every built-in secret pattern, most specific first.</summary>
    public static IReadOnlyList<RedactionPattern> All { get; } =
    [
        new("private-key", @"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[A-Za-z0-9+/=\s:,.-]{0,20000}?(-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|$)"),
        new("jwt", @"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"),
        // Any JWS (3 parts) or JWE (5 parts) whose header decodes to a JOSE header, whatever its payload starts with.
        new("jwt", @"\b[A-Za-z0-9_-]{12,}={0,2}\.[A-Za-z0-9_-]*={0,2}(\.[A-Za-z0-9_-]*={0,2}){1,3}", TokenShapes.IsJoseToken),
        new("bearer-token", @"(?i)\bbearer\s+[A-Za-z0-9._~+/-]{16,}=*"),
        new("connection-string-secret", @"(?i)\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|ApiKey|AccessKey)\s*=\s*[^;\s""']{6,}"),
        new("sas-signature", @"(?i)\bsig=[A-Za-z0-9%+/=]{20,}"),
        new("aws-access-key-id", @"\b(AKIA|ASIA|AIDA|AROA|AGPA|ANPA)[0-9A-Z]{16}\b"),
        new("aws-secret-access-key", @"(?i)aws_?secret_?access_?key[""'\s:=]{1,5}[A-Za-z0-9/+]{40}"),
        new("github-token", @"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b"),
        new("github-token", @"\bgithub_pat_[A-Za-z0-9_]{22,255}\b"),
        new("openai-style-key", @"\bsk-(proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}"),
        new("azure-client-secret", @"\b[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}"),
        new("slack-token", @"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
        new("google-api-key", @"\bAIza[0-9A-Za-z_-]{35}"),
        new("credential-assignment", @"(?i)\b(api[_-]?key|secret|token|passwd|password)[""']?\s*[:=]\s*[""']?[A-Za-z0-9_./+=-]{12,}"),
    ];
}
