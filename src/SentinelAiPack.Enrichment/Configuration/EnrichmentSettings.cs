using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SentinelAiPack.Azure.MachineLearning;
using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Hosting;
using SentinelAiPack.Enrichment.Inventory;
using SentinelAiPack.Enrichment.Rendering;
using SentinelAiPack.Enrichment.Rendering.Redaction;

namespace SentinelAiPack.Enrichment.Configuration;

/// <summary>
/// Builds the enricher and collector options from app settings (<see cref="SettingNames"/>). Every problem is collected
/// and reported together in one <see cref="EnrichmentConfigurationException"/> naming the setting; values are never echoed
/// back when they could be secrets.
/// </summary>
public sealed partial class EnrichmentSettings(Func<string, string?> setting)
{
    private readonly List<string> _problems = [];

    /// <summary>The enricher options; throws when a required setting is missing or a value is invalid.</summary>
    public EnrichmentOptions Enrichment()
    {
        _problems.Clear();
        var workspace = Workspace();
        var workspaceId = Required(SettingNames.LogAnalyticsWorkspaceId);
        if (workspaceId is not null && !Guid.TryParse(workspaceId, out _))
        {
            _problems.Add($"{SettingNames.LogAnalyticsWorkspaceId} must be the workspace id (a GUID).");
        }

        var options = new EnrichmentOptions
        {
            Workspace = workspace ?? new SentinelWorkspace(Guid.Empty.ToString(), "unset", "unset"),
            LogAnalyticsWorkspaceId = workspaceId ?? string.Empty,
            RaiseSeverity = Bool(SettingNames.RaiseSeverity, false),
            InternalDomains = List(SettingNames.InternalDomains),
            AllowedPathPrefixes = List(SettingNames.AllowedPathPrefixes),
            TagPrefix = Text(SettingNames.TagPrefix) ?? "AIPack:",
            CampaignMinUsers = Number(SettingNames.CampaignMinUsers, 3, 2, 10_000),
            TranscriptLookback = TimeSpan.FromHours(Number(SettingNames.TranscriptLookbackHours, 24, 1, 24 * 14)),
            RelatedSessionsLookback = TimeSpan.FromDays(Number(SettingNames.RelatedSessionsDays, 7, 1, 90)),
            CampaignWindow = TimeSpan.FromHours(Number(SettingNames.CampaignWindowHours, 24, 1, 24 * 14)),
            DeploymentLookback = TimeSpan.FromDays(Number(SettingNames.DeploymentLookbackDays, 3, 1, 90)),
            DeployerBaseline = TimeSpan.FromDays(Number(SettingNames.DeployerBaselineDays, 30, 1, 365)),
            Rendering = new CommentRenderingOptions { RedactSecrets = Bool(SettingNames.RedactSecrets, true), PiiPatterns = Pii() },
        };
        ThrowIfProblems();
        return options;
    }

    /// <summary>The collector options and the ingestion endpoint; throws when a required setting is missing or invalid.</summary>
    public (InventoryCollectorOptions Options, Uri IngestionEndpoint) Inventory()
    {
        _problems.Clear();
        var endpointText = Required(SettingNames.IngestionEndpoint);
        Uri? endpoint = null;
        if (endpointText is not null && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            _problems.Add($"{SettingNames.IngestionEndpoint} must be an absolute https URL (the data collection endpoint's logs ingestion URL).");
        }

        var dcr = Required(SettingNames.InventoryDcrImmutableId);
        var options = new InventoryCollectorOptions
        {
            DcrImmutableId = dcr ?? string.Empty,
            StreamName = Text(SettingNames.InventoryStream) ?? "Custom-AIModelInventory_CL",
            OpenAIAccounts = ArmIds(SettingNames.OpenAIAccounts, AccountId(), m => new CognitiveServicesAccount(m.Groups["sub"].Value, m.Groups["rg"].Value, m.Groups["name"].Value)),
            MachineLearningWorkspaces = ArmIds(SettingNames.MachineLearningWorkspaces, MlId("workspaces"), m => new MachineLearningWorkspace(m.Groups["sub"].Value, m.Groups["rg"].Value, m.Groups["name"].Value)),
            Registries = ArmIds(SettingNames.MachineLearningRegistries, MlId("registries"), m => new MachineLearningRegistry(m.Groups["sub"].Value, m.Groups["rg"].Value, m.Groups["name"].Value)),
            HashKeys = List(SettingNames.HashKeys) is { Count: > 0 } keys ? keys : ["sha256", "artifact_sha256", "model_sha256"],
        };
        if (options.OpenAIAccounts.Count + options.MachineLearningWorkspaces.Count == 0 && _problems.Count == 0)
        {
            _problems.Add($"Nothing to collect: set {SettingNames.OpenAIAccounts} and/or {SettingNames.MachineLearningWorkspaces}.");
        }

        ThrowIfProblems();
        return (options, endpoint!);
    }

    /// <summary>
    /// Who may call the HTTP functions; throws when the registration's tenant or client id is missing or not a GUID, or
    /// the authority is not an https URL. Empty allow-lists are valid here and deny every caller.
    /// </summary>
    public CallerPolicy Callers()
    {
        _problems.Clear();
        var tenant = GuidSetting(SettingNames.AuthTenantId);
        var client = GuidSetting(SettingNames.AuthClientId);
        var authority = new Uri("https://login.microsoftonline.com/");
        if (Text(SettingNames.AuthAuthority) is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out authority) || authority.Scheme != Uri.UriSchemeHttps))
        {
            _problems.Add($"{SettingNames.AuthAuthority} must be an absolute https URL (the cloud's login host).");
        }

        ThrowIfProblems();
        return new CallerPolicy
        {
            TenantId = tenant!,
            ClientId = client!,
            AllowedObjectIds = List(SettingNames.AllowedCallerObjectIds),
            AllowedApplicationIds = List(SettingNames.AllowedCallerAppIds),
            Authority = authority!,
        };
    }

    /// <summary>false only when AIPACK_REQUIRE_CALLER_IDENTITY is "false" (local runs without App Service authentication).</summary>
    public bool RequireCallerIdentity => !string.Equals(Text(SettingNames.RequireCallerIdentity), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The credential name (default "default").</summary>
    public string CredentialName => Text(SettingNames.Credential) ?? "default";

    private SentinelWorkspace? Workspace()
    {
        var id = Required(SettingNames.SentinelWorkspace);
        if (id is null)
        {
            return null;
        }

        var match = WorkspaceId().Match(id);
        if (!match.Success)
        {
            _problems.Add($"{SettingNames.SentinelWorkspace} must be the workspace's ARM id (/subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/…).");
            return null;
        }

        return new SentinelWorkspace(match.Groups["sub"].Value, match.Groups["rg"].Value, match.Groups["name"].Value);
    }

    private IReadOnlyList<RedactionPattern> Pii()
    {
        var builtIns = new Dictionary<string, RedactionPattern>(StringComparer.OrdinalIgnoreCase)
        {
            ["email"] = PiiPatterns.Email,
            ["phone"] = PiiPatterns.Phone,
            ["credit-card"] = PiiPatterns.CreditCard,
            ["iban"] = PiiPatterns.Iban,
            ["us-ssn"] = PiiPatterns.UsSocialSecurityNumber,
        };
        var selected = new List<RedactionPattern>();
        var names = Text(SettingNames.PiiBuiltIns) ?? "default";
        if (names.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            selected.AddRange(EnrichmentOptions.DefaultPiiPatterns);
        }
        else if (names.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            selected.AddRange(PiiPatterns.Default);
        }
        else if (!names.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in Split(names))
            {
                if (builtIns.TryGetValue(name, out var pattern))
                {
                    selected.Add(pattern);
                }
                else
                {
                    _problems.Add($"{SettingNames.PiiBuiltIns}: unknown pattern '{Printable(name)}' (use default, all, none, or a list of {string.Join(", ", builtIns.Keys)}).");
                }
            }
        }

        if (Text(SettingNames.PiiCustom) is { } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    _problems.Add($"{SettingNames.PiiCustom} must be a JSON object of pattern name to regular expression.");
                }
                else
                {
                    foreach (var entry in document.RootElement.EnumerateObject())
                    {
                        if (entry.Value.ValueKind != JsonValueKind.String || !PatternName().IsMatch(entry.Name))
                        {
                            _problems.Add($"{SettingNames.PiiCustom}: entry '{Printable(entry.Name)}' needs a name of letters, digits and '-' and a string value.");
                            continue;
                        }

                        try
                        {
                            selected.Add(new RedactionPattern(entry.Name, entry.Value.GetString()!));
                        }
                        catch (ArgumentException ex)
                        {
                            _problems.Add($"{SettingNames.PiiCustom}: pattern '{entry.Name}' is not a valid regular expression ({ex.Message}).");
                        }
                    }
                }
            }
            catch (JsonException ex)
            {
                _problems.Add($"{SettingNames.PiiCustom} is not valid JSON: {ex.Message}");
            }
        }

        return selected;
    }

    private List<T> ArmIds<T>(string name, Regex pattern, Func<Match, T> create)
    {
        var result = new List<T>();
        foreach (var id in List(name))
        {
            var match = pattern.Match(id);
            if (match.Success)
            {
                result.Add(create(match));
            }
            else
            {
                _problems.Add($"{name}: '{Printable(id)}' is not an ARM id of the expected resource type.");
            }
        }

        return result;
    }

    private string? GuidSetting(string name)
    {
        var value = Required(name);
        if (value is not null && !System.Guid.TryParse(value, out _))
        {
            _problems.Add($"{name} must be a GUID.");
            return null;
        }

        return value;
    }

    private string? Required(string name)
    {
        var value = Text(name);
        if (value is null)
        {
            _problems.Add($"{name} is not set.");
        }

        return value;
    }

    private string? Text(string name) => setting(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private List<string> List(string name) => Text(name) is { } value ? Split(value) : [];

    private static List<string> Split(string value) =>
        value.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private bool Bool(string name, bool fallback)
    {
        var value = Text(name);
        if (value is null)
        {
            return fallback;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        _problems.Add($"{name} must be true or false.");
        return fallback;
    }

    private int Number(string name, int fallback, int min, int max)
    {
        var value = Text(name);
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        _problems.Add($"{name} must be a whole number from {min} to {max}.");
        return fallback;
    }

    private void ThrowIfProblems()
    {
        if (_problems.Count > 0)
        {
            throw new EnrichmentConfigurationException("The enricher configuration is invalid: " + string.Join(" ", _problems));
        }
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 60 ? value[..60] + "…" : value;
        return new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    [GeneratedRegex(@"^/subscriptions/(?<sub>[0-9a-fA-F-]{36})/resourceGroups/(?<rg>[-\w\.\(\)]{1,90})/providers/Microsoft\.OperationalInsights/workspaces/(?<name>[A-Za-z0-9][A-Za-z0-9-]{1,61}[A-Za-z0-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkspaceId();

    [GeneratedRegex(@"^/subscriptions/(?<sub>[0-9a-fA-F-]{36})/resourceGroups/(?<rg>[-\w\.\(\)]{1,90})/providers/Microsoft\.CognitiveServices/accounts/(?<name>[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountId();

    private static Regex MlId(string kind) => new(
        $@"^/subscriptions/(?<sub>[0-9a-fA-F-]{{36}})/resourceGroups/(?<rg>[-\w\.\(\)]{{1,90}})/providers/Microsoft\.MachineLearningServices/{kind}/(?<name>[A-Za-z0-9][A-Za-z0-9_-]{{0,63}})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex PatternName();
}
