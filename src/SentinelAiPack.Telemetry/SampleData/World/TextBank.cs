namespace SentinelAiPack.Telemetry.SampleData.World;

/// <summary>Word lists the generator draws names, prompts and documents from.</summary>
internal static class TextBank
{
    public static readonly string[] FirstNames =
    [
        "alice", "bruno", "chen", "dana", "elif", "farah", "gustav", "hana", "ivan", "jonas", "keiko", "liam", "maya",
        "nikolai", "olga", "pedro", "quinn", "rosa", "samir", "tessa", "umar", "vera", "wei", "ximena", "yusuf", "zoe",
        "amara", "bianca", "carlos", "deepa", "emil", "fatima", "george", "helena", "ines", "jamal", "kofi", "lena",
    ];

    public static readonly string[] LastNames =
    [
        "jones", "garcia", "muller", "nakamura", "okafor", "petrov", "rossi", "silva", "tanaka", "novak", "haddad",
        "kowalski", "larsen", "moreau", "nguyen", "oconnor", "patel", "quist", "reyes", "schmidt", "torres", "ueda",
        "varga", "weber", "yilmaz", "zhang", "andersen", "bauer", "costa", "dubois", "eriksen", "fischer",
    ];

    public static readonly string[] Departments = ["HR", "Finance", "Sales", "Engineering", "Support", "Legal", "IT", "Marketing"];

    public static readonly string[] Countries = ["NL", "DE", "GB", "FR", "US", "ES"];

    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    ];

    public static readonly string[] PartnerDomains = ["fabrikam.com", "northwindtraders.com", "adatum.com", "tailspintoys.com", "wingtiptoys.com"];

    public static readonly string[] DocumentWords =
    [
        "policy", "guideline", "handbook", "process", "overview", "checklist", "playbook", "summary", "standard", "procedure",
        "travel", "expense", "leave", "benefits", "pricing", "onboarding", "security", "contract", "quarterly", "forecast",
        "vendor", "payroll", "compliance", "training", "discount", "renewal", "escalation", "retention", "budget", "audit",
    ];

    public static readonly string[] AnswerOpeners =
    [
        "Here is what I found.", "Sure.", "Based on the documents I can see,", "Good question.", "According to the current policy,",
        "I checked the records.", "Short answer:",
    ];

    public static readonly string[] AnswerBodies =
    [
        "The relevant section says the request has to be approved by your manager before it is processed.",
        "You can submit it through the self-service portal; it usually takes two to three working days.",
        "The latest version was published last quarter and applies to all employees in the EU entities.",
        "There are three options, and the second one is usually the cheapest for teams under twenty people.",
        "The numbers for the last period are in line with the forecast, with a small variance in travel costs.",
        "I created the item and linked it to your request; you will get an update by email.",
        "The customer has an open renewal next month and a discount was agreed in the previous contract.",
        "Please note that exceptions need a written justification and sign-off from the budget owner.",
    ];

    public static readonly string[] Refusals =
    [
        "I'm sorry, but I can't help with that request.",
        "I can't share that information.",
        "I'm unable to do that because it is outside what I am allowed to help with.",
    ];
}

/// <summary>Business counterparts the agents' tools deal with.</summary>
internal static class Counterparts
{
    public static readonly string[] Customers = ["Fabrikam Ltd", "Northwind Traders", "Adatum Corp", "Tailspin Toys", "Wingtip Toys", "Litware Inc"];

    public static readonly (string Vendor, string Iban)[] Vendors =
    [
        ("Northwind Supplies", "NL00TEST0000000001"), ("Adatum Facilities", "DE00TEST0000000002"), ("Litware Licensing", "GB00TEST0000000003"),
        ("Proseware Catering", "FR00TEST0000000004"), ("Contoso Travel Desk", "NL00TEST0000000005"),
    ];

    public static readonly string[] PublicSites = ["https://learn.microsoft.com/azure/", "https://www.fabrikam.com/pricing", "https://www.adatum.com/news", "https://northwindtraders.com/catalog"];

    public static readonly string[] Groups = ["grp-sales-emea", "grp-teams-marketing", "grp-vpn-users", "grp-printers-ams"];
}
