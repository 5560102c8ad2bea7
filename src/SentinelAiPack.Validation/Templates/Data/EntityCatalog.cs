namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>One Sentinel entity type: its identifiers and the identifier sets of which at least one must be mapped.</summary>
public sealed record EntityTypeInfo(string Name, IReadOnlyList<string> Identifiers, IReadOnlyList<IReadOnlyList<string>> RequiredSets);

/// <summary>Sentinel's entity types and identifiers (EntityType / EntityMappingIdentifiers of the template model). Names match case-insensitively.</summary>
public static class EntityCatalog
{
    private static EntityTypeInfo Entity(string name, string identifiers, string requiredSets) => new(
        name,
        identifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        requiredSets.Split('|').Select(set => (IReadOnlyList<string>)set.Split('+', StringSplitOptions.TrimEntries)).ToList());

    public static IReadOnlyList<EntityTypeInfo> All { get; } =
    [
        Entity("Account", "Name FullName NTDomain DnsDomain UPNSuffix Sid AadTenantId AadUserId PUID IsDomainJoined DisplayName ObjectGuid CloudAppAccountId", "FullName|Sid|Name|AadUserId|PUID|ObjectGuid"),
        Entity("Host", "DnsDomain NTDomain HostName FullName NetBiosName AzureID OMSAgentID OSFamily OSVersion IsDomainJoined", "FullName|HostName|NetBiosName|AzureID|OMSAgentID"),
        Entity("IP", "Address", "Address"),
        Entity("Malware", "Name Category", "Name"),
        Entity("File", "Directory Name", "Name"),
        Entity("Process", "ProcessId CommandLine ElevationToken CreationTimeUtc", "CommandLine|ProcessId"),
        Entity("CloudApplication", "AppId Name InstanceName", "AppId|Name"),
        Entity("DNS", "DomainName", "DomainName"),
        Entity("AzureResource", "ResourceId", "ResourceId"),
        Entity("FileHash", "Algorithm Value", "Algorithm+Value"),
        Entity("RegistryKey", "Hive Key", "Key|Hive"),
        Entity("RegistryValue", "Name Value ValueType", "Name"),
        Entity("SecurityGroup", "DistinguishedName SID ObjectGuid", "DistinguishedName|SID|ObjectGuid"),
        Entity("URL", "Url", "Url"),
        Entity("IoTDevice", "DeviceId DeviceName Manufacturer Model FirmwareVersion OperatingSystem MacAddress Protocols SerialNumber Source IoTSecurityAgentId DeviceType", "DeviceId"),
        Entity("Mailbox", "MailboxPrimaryAddress DisplayName Upn ExternalDirectoryObjectId RiskLevel", "MailboxPrimaryAddress"),
        Entity("MailCluster", "NetworkMessageIds CountByDeliveryStatus CountByThreatType CountByProtectionStatus Threats Query QueryTime MailCount IsVolumeAnomaly Source ClusterSourceIdentifier ClusterSourceType ClusterQueryStartTime ClusterQueryEndTime ClusterGroup", "Query|Source"),
        Entity("MailMessage", "Recipient Urls Threats Sender P1Sender P1SenderDisplayName P1SenderDomain SenderIP P2Sender P2SenderDisplayName P2SenderDomain ReceivedDate NetworkMessageId InternetMessageId Subject BodyFingerprintBin1 BodyFingerprintBin2 BodyFingerprintBin3 BodyFingerprintBin4 BodyFingerprintBin5 AntispamDirection DeliveryAction DeliveryLocation Language ThreatDetectionMethods", "NetworkMessageId|Recipient"),
        Entity("SubmissionMail", "NetworkMessageId Timestamp Recipient Sender SenderIp Subject ReportType SubmissionId SubmissionDate Submitter", "SubmissionId|NetworkMessageId|Recipient|Submitter"),
    ];

    private static readonly Dictionary<string, EntityTypeInfo> ByName = All.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public static EntityTypeInfo? Find(string? entityType) => entityType is not null && ByName.TryGetValue(entityType.Trim(), out var info) ? info : null;

    /// <summary>A likely intended entity type for a misspelling (spaces/underscores removed), e.g. "Azure resource" → AzureResource.</summary>
    public static string? Suggest(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var squeezed = new string(entityType.Where(char.IsLetterOrDigit).ToArray());
        return Find(squeezed)?.Name;
    }
}
