using System.Globalization;
using System.Text;
using SentinelAiPack.Patterns.Model;
using static SentinelAiPack.Patterns.Kql.KqlLiterals;

namespace SentinelAiPack.Patterns.Kql;

/// <summary>
/// Writes the body of the AITextAttackSignals function from the pattern library: the text items of every source
/// (one union leg per parser), the code-point counts, the decoders, one extract() per pattern, one candidate array per
/// family, and the meta-discussion scoring. Deterministic: the same library gives the same text.
/// </summary>
public static class SignalsFunctionWriter
{
    public const string EncodedFamily = "EncodedPayload";
    public const string InvisibleFamily = "InvisibleUnicode";
    public const int MaxChars = 20000;

    public static string Write(PatternLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var meta = library.Meta ?? throw new ArgumentException("The library has no meta-discussion rules.", nameof(library));
        var families = library.Families;
        var q = new StringBuilder();
        q.Append("let Empty = datatable(").Append(string.Join(", ", SignalColumns.All.Select(c => $"{c.Name}:{c.Type}"))).Append(")[];\n");
        q.Append(CultureInfo.InvariantCulture, $"let MaxChars = {MaxChars};\n");
        q.Append("let WantSource = (s:string) { array_length(sources) == 0 or s in~ (sources) };\n");
        q.Append("let WantFamily = (f:string) { array_length(families) == 0 or f in~ (families) };\n");
        q.Append(CultureInfo.InvariantCulture, $"let TrainingApps = toscalar(_GetWatchlist('{meta.Watchlist}') | summarize make_set(tolower(SearchKey)));\n");
        WriteDecoderFunctions(q);
        WriteTexts(q);
        q.Append("let Signals = Texts\n");
        q.Append("    | extend TextLength = toint(strlen(Text))\n");
        q.Append(CultureInfo.InvariantCulture, $"    | extend Text = translate(Spaces, \" \", substring(Text, 0, MaxChars))\n");
        WriteApplicability(q, families);
        WriteCodepoints(q, families);
        WriteDecoders(q, families);
        WritePlainPatterns(q, families);
        WriteCandidates(q, families);
        WriteMeta(q, meta, families);
        q.Append("union isfuzzy=true Empty, Signals\n");
        return q.ToString();
    }

    private static void WriteDecoderFunctions(StringBuilder q)
    {
        q.Append("// Decoding tables (generated, DecoderTables): base16/base32 -> bits -> base64 -> text.\n");
        q.Append("let Spaces = unicode_codepoints_to_string(dynamic([").Append(string.Join(", ", DecoderTables.UnicodeSpaces)).Append("]));\n");
        q.Append("let HexFrom = ").Append(StringArray(DecoderTables.HexBits.From)).Append(";\n");
        q.Append("let HexTo = ").Append(StringArray(DecoderTables.HexBits.To)).Append(";\n");
        q.Append("let B32From = ").Append(StringArray(DecoderTables.Base32Bits.From)).Append(";\n");
        q.Append("let B32To = ").Append(StringArray(DecoderTables.Base32Bits.To)).Append(";\n");
        q.Append("let SixFrom = ").Append(StringArray(DecoderTables.SixBitsToBase64.From)).Append(";\n");
        q.Append("let SixTo = ").Append(StringArray(DecoderTables.SixBitsToBase64.To)).Append(";\n");
        // quoted-printable (=XX) and HTML numeric references (&#NN; &#xNN;) of printable ASCII, built with range(); "=" and "&" last.
        q.Append("let Printable = range C from 32 to 126 step 1 | extend Ch = unicode_codepoints_to_string(C), Hex = toupper(tohex(C, 2));\n");
        q.Append("let QpFrom = toscalar(union (Printable | where C != 61 | project K = strcat(\"=\", Hex), O = C), (print K = \"=3D\", O = 1000) | order by O asc | summarize make_list(K));\n");
        q.Append("let QpTo = toscalar(union (Printable | where C != 61 | project V = Ch, O = C), (print V = \"=\", O = 1000) | order by O asc | summarize make_list(V));\n");
        q.Append("let HtmlPairs = union (Printable | where C != 38 | project K = strcat(\"&#\", C, \";\"), V = Ch, O = C),\n");
        q.Append("    (Printable | where C != 38 | project K = strcat(\"&#x\", tolower(Hex), \";\"), V = Ch, O = C + 200),\n");
        q.Append("    (Printable | where C != 38 and Hex != tolower(Hex) | project K = strcat(\"&#x\", Hex, \";\"), V = Ch, O = C + 400),\n");
        q.Append("    (datatable(K:string, V:string, O:long)[\"&lt;\", \"<\", 700, \"&gt;\", \">\", 701, \"&quot;\", \"\\\"\", 702, \"&apos;\", \"'\", 703, \"&nbsp;\", \" \", 704, \"&#38;\", \"&\", 705, \"&#x26;\", \"&\", 706, \"&amp;\", \"&\", 707]);\n");
        q.Append("let QpControlFrom = dynamic([\"=09\", \"=0A\", \"=0D\"]);\n");
        q.Append("let QpControlTo = dynamic([\"\\t\", \"\\n\", \"\\r\"]);\n");
        q.Append("let HtmlFrom = toscalar(HtmlPairs | order by O asc | summarize make_list(K));\n");
        q.Append("let HtmlTo = toscalar(HtmlPairs | order by O asc | summarize make_list(V));\n");
        q.Append("let LookAlikes = unicode_codepoints_to_string(dynamic([").Append(string.Join(", ", DecoderTables.LookAlikeCodePoints)).Append("]));\n");
        // base64 (and base64url): drop padding, drop a dangling sixth bit group, pad to a multiple of four. (Written as
        // nested functions without inner let statements, which the local engine does not run per row.)
        q.Append("let B64Pad = (c:string) { base64_decode_tostring(strcat(c, substring(\"==\", 0, (4 - strlen(c) % 4) % 4))) };\n");
        q.Append("let B64Trim = (c:string) { substring(c, 0, strlen(c) - iff(strlen(c) % 4 == 1, 1, 0)) };\n");
        q.Append("let Base64Text = (b:string) { B64Pad(B64Trim(translate(\"-_\", \"+/\", replace_string(b, \"=\", \"\")))) };\n");
        q.Append("let BitsB64 = (whole:string) { replace_strings(strcat(\",\", strcat_array(extract_all(\"([01]{6})\", strcat(whole, substring(\"00000\", 0, (6 - strlen(whole) % 6) % 6))), \",\")), SixFrom, SixTo) };\n");
        q.Append("let BitsText = (bits:string) { iff(strlen(bits) < 8, \"\", B64Pad(BitsB64(substring(bits, 0, strlen(bits) / 8 * 8)))) };\n");
        q.Append("let HexText = (h:string) { BitsText(replace_strings(replace_regex(tolower(h), @\"\\\\x|0x|[^0-9a-f]\", \"\"), HexFrom, HexTo)) };\n");
        q.Append("let Base32Text = (b:string) { BitsText(replace_strings(toupper(replace_string(b, \"=\", \"\")), B32From, B32To)) };\n");
    }

    private static void WriteTexts(StringBuilder q)
    {
        const string Cols = "TimeGenerated, EventSource, Source, AppName, AgentName, SessionId, ConversationId, TurnIndex, MessageId, ToolCallId, DocumentId, DocumentUri, IndexName, UserPrincipalName, UserObjectId, ClientIp, Deployment, DeliveryStatus, Text, TextSha256, CorrelationId, ResourceId, IngestionTime";
        q.Append("// Every text the model reads or writes, from the pack's parsers (and tool results from the application's table).\n");
        q.Append("let Texts = union isfuzzy=true\n");
        q.Append("    (AIConversationTurns(starttime, endtime)\n");
        q.Append("        | where isnotempty(Content)\n");
        q.Append("        | extend Source = case(Role == \"user\", \"UserPrompt\", Role == \"tool\", \"ToolOutput\", Role == \"assistant\", \"ModelOutput\", \"\")\n");
        q.Append("        | where isnotempty(Source) and WantSource(Source)\n");
        q.Append("        | extend ToolCallId = \"\", DocumentId = \"\", DocumentUri = \"\", IndexName = \"\", Text = Content, TextSha256 = ContentSha256\n");
        q.Append("        | project ").Append(Cols).Append("),\n");
        q.Append("    (AIRetrievals(starttime, endtime)\n");
        q.Append("        | where isnotempty(ContentSnippet) and WantSource(\"Document\")\n");
        q.Append("        | extend Source = \"Document\", MessageId = RetrievalId, ToolCallId = \"\", Deployment = \"\", DeliveryStatus = \"\", Text = ContentSnippet, TextSha256 = \"\", CorrelationId = \"\"\n");
        q.Append("        | project ").Append(Cols).Append("),\n");
        q.Append("    (AIKnowledgeBaseWrites(starttime, endtime)\n");
        q.Append("        | where Operation != \"Delete\" and isnotempty(ContentSnippet) and WantSource(\"KnowledgeBaseWrite\")\n");
        q.Append("        | extend Source = \"KnowledgeBaseWrite\", AppName = IngestionPipeline, AgentName = \"\", SessionId = \"\", ConversationId = \"\", TurnIndex = int(null), MessageId = \"\",\n");
        q.Append("            ToolCallId = \"\", UserPrincipalName = ActorPrincipalName, UserObjectId = ActorObjectId, ClientIp = ActorIp, Deployment = \"\", DeliveryStatus = \"\",\n");
        q.Append("            Text = ContentSnippet, TextSha256 = ContentSha256, CorrelationId = \"\"\n");
        q.Append("        | project ").Append(Cols).Append("),\n");
        q.Append("    (AIToolCall_CL\n");
        q.Append("        | where (isnull(starttime) or TimeGenerated >= starttime) and (isnull(endtime) or TimeGenerated <= endtime)\n");
        q.Append("        | where isnotempty(ResultSummary) and WantSource(\"ToolOutput\")\n");
        q.Append("        | extend EventSource = \"AIToolCall_CL\", Source = \"ToolOutput\", MessageId = \"\", DocumentId = \"\", DocumentUri = \"\", IndexName = \"\", Deployment = \"\", DeliveryStatus = \"\",\n");
        q.Append("            Text = ResultSummary, TextSha256 = \"\", ResourceId = _ResourceId, IngestionTime = ingestion_time()\n");
        q.Append("        | project ").Append(Cols).Append(");\n");
    }

    private static string Applies(PatternFamily family) => "a" + family.Name;

    private static void WriteApplicability(StringBuilder q, IReadOnlyList<PatternFamily> families)
    {
        q.Append("    | extend ").Append(string.Join(",\n        ", families.Select(f =>
            $"{Applies(f)} = WantFamily({Quoted(f.Name)}) and Source in {InList(f.Sources)}"))).Append('\n');
    }

    private static void WriteCodepoints(StringBuilder q, IReadOnlyList<PatternFamily> families)
    {
        var invisible = families.FirstOrDefault(f => f.Codepoints is not null);
        var gate = invisible is null ? "false" : Applies(invisible);
        q.Append("    // Non-ASCII code points only: tag characters (ASCII smuggling), variation selectors, bidi controls, zero-width characters.\n");
        q.Append(CultureInfo.InvariantCulture, $"    | extend NonAscii = iff({gate} and string_size(Text) > strlen(Text), replace_regex(Text, @\"[\\x00-\\x7F]+\", \"\"), \"\")\n");
        q.Append("    | mv-apply CodePoint = iff(isempty(NonAscii), dynamic([0]), unicode_codepoints_from_string(NonAscii)) to typeof(long) on (\n");
        q.Append("        summarize TagPrintable = make_list_if(CodePoint - 917504, CodePoint between (917536 .. 917630)),\n");
        q.Append("            VariationSelectors = countif(CodePoint between (65024 .. 65039) or CodePoint between (917760 .. 917999)),\n");
        q.Append("            BidiControls = countif(CodePoint between (8234 .. 8238) or CodePoint between (8294 .. 8297)),\n");
        q.Append("            ZeroWidth = countif(CodePoint in (8203, 8288, 65279)), Combining = countif(CodePoint between (768 .. 879)))\n");
        q.Append("    // Emoji subdivision flags (England, Scotland, Wales) are legitimate tag sequences.\n");
        q.Append("    | extend TagText = replace_regex(unicode_codepoints_to_string(TagPrintable), @\"gb(eng|sct|wls)\", \"\")\n");
    }

    private static void WriteDecoders(StringBuilder q, IReadOnlyList<PatternFamily> families)
    {
        var encoded = families.FirstOrDefault(f => f.Name == EncodedFamily);
        var decoders = encoded?.Decoders ?? [];
        bool Has(string d) => decoders.Contains(d);
        var gate = encoded is null ? "false" : Applies(encoded);
        q.Append("    // Decoders: each candidate decoded in KQL; the decoded text is re-checked against the families below.\n");
        q.Append(CultureInfo.InvariantCulture, $"    | extend Enc = {gate}\n");
        q.Append(Has("base64")
            ? "    | extend B64s = iff(Enc and Text matches regex @\"[A-Za-z0-9+/_-]{20,}\", extract_all(@\"([A-Za-z0-9+/_-]{20,}={0,2})\", Text), dynamic([]))\n"
            : "    | extend B64s = dynamic([])\n");
        q.Append(Has("base16")
            ? "    | extend Hexes = iff(Enc and Text matches regex @\"(?i)((\\\\x|0x)?[0-9a-f]{2}[ ,:;-]?){10}\", extract_all(@\"(?i)((?:\\\\x|0x)?[0-9a-f]{2}(?:[ ,:;-]{0,2}(?:\\\\x|0x)?[0-9a-f]{2}){9,})\", Text), dynamic([]))\n"
            : "    | extend Hexes = dynamic([])\n");
        q.Append(Has("base32")
            ? "    | extend B32s = iff(Enc and Text matches regex @\"[A-Z2-7]{16,}\", extract_all(@\"([A-Z2-7]{16,}={0,6})\", Text), dynamic([]))\n"
            : "    | extend B32s = dynamic([])\n");
        if (Has("ascii85"))
        {
            // ascii85 only after a cue: any run of printable characters is valid ascii85.
            q.Append("    | extend A85 = iff(Enc and Text matches regex @\"(?i)\\b(ascii ?85|base ?85|a85)\\b|<~\", coalesce(extract(@\"<~([!-uz \\t\\r\\n]{5,}?)~>\", 1, Text),\n");
            q.Append("            extract(@\"(?i)(?:ascii ?85|base ?85|a85)[^\\n:]{0,40}:[ \\t]*([!-uz]{10,})\", 1, Text), extract(@\"(?i)(?:ascii ?85|base ?85|a85)[^\\n]{0,120}\\n[ \\t]*([!-uz]{10,})\", 1, Text)),\n");
            // Without a cue: a standalone run of 20+ ascii85 characters with the punctuation ascii85 produces (decoded only to test it).
            q.Append("        iff(Enc and Text matches regex @\"(^|[ \\t\\n])[!-u]*[;<>@^`\\\\\\[\\]][!-u]*[ \\t\\n]*$\", extract(@\"(^|[ \\t\\n])([!-u]{20,})[ \\t\\n]*$\", 2, Text), \"\"))\n");
            q.Append("    | extend A85 = replace_string(replace_regex(A85, @\"[ \\t\\r\\n]\", \"\"), \"z\", \"!!!!!\")\n");
            q.Append("    | mv-apply A85Group = iff(isempty(A85), dynamic([\"\"]), extract_all(@\"(.{1,5})\", A85)) to typeof(string) on (\n");
            q.Append("        extend N = strlen(A85Group), C = unicode_codepoints_from_string(strcat(A85Group, substring(\"uuuu\", 0, 5 - strlen(A85Group))))\n");
            q.Append("        | extend V = (tolong(C[0]) - 33) * 52200625 + (tolong(C[1]) - 33) * 614125 + (tolong(C[2]) - 33) * 7225 + (tolong(C[3]) - 33) * 85 + (tolong(C[4]) - 33)\n");
            q.Append("        | extend Chunk = iff(N < 2 or isnull(V), \"\", unicode_codepoints_to_string(array_slice(pack_array(V / 16777216 % 256, V / 65536 % 256, V / 256 % 256, V % 256), 0, N - 2)))\n");
            q.Append("        | summarize dAscii85 = strcat_array(make_list(Chunk), \"\"))\n");
        }
        else
        {
            q.Append("    | extend dAscii85 = \"\"\n");
        }
        q.Append("    | extend dBase64 = iff(array_length(B64s) == 0, \"\", strcat_delim(\"\\n\", Base64Text(tostring(B64s[0])), Base64Text(tostring(B64s[1])), Base64Text(tostring(B64s[2])))),\n");
        q.Append("        dBase16 = iff(array_length(Hexes) == 0, \"\", strcat_delim(\"\\n\", HexText(tostring(Hexes[0])), HexText(tostring(Hexes[1])))),\n");
        q.Append("        dBase32 = iff(array_length(B32s) == 0, \"\", strcat_delim(\"\\n\", Base32Text(tostring(B32s[0])), Base32Text(tostring(B32s[1])))),\n");
        q.Append(Has("rot13")
            ? $"        dRot13 = iff(Enc and Text has_any (\"gur\", \"naq\", \"lbh\", \"vtaber\", \"cerivbhf\", \"vafgehpgvbaf\", \"flfgrz\", \"cebzcg\", \"lbhe\"), translate({Quoted(DecoderTables.Rot13From)}, {Quoted(DecoderTables.Rot13To)}, Text), \"\"),\n"
            : "        dRot13 = \"\",\n");
        q.Append(Has("atbash")
            ? $"        dAtbash = iff(Enc and Text has_any (\"gsv\", \"zmw\", \"blf\", \"rh\", \"gl\", \"lu\", \"rmhgifxgrlmh\", \"kiverlfh\"), translate({Quoted(DecoderTables.Rot13From)}, {Quoted(DecoderTables.AtbashTo)}, Text), \"\"),\n"
            : "        dAtbash = \"\",\n");
        q.Append(Has("reverse")
            ? "        dReverse = iff(Enc and Text has_any (\"erongi\", \"snoitcurtsni\", \"suoiverp\", \"tpmorp\", \"metsys\", \"eht\", \"uoy\", \"ruoy\", \"dna\"), reverse(Text), \"\"),\n"
            : "        dReverse = \"\",\n");
        q.Append(Has("quoted-printable")
            ? "        dQuotedPrintable = iff(Enc and Text matches regex @\"(=[0-9A-F]{2}){3,}\", replace_strings(replace_strings(replace_string(replace_string(Text, \"=\\r\\n\", \"\"), \"=\\n\", \"\"), QpFrom, QpTo), QpControlFrom, QpControlTo), \"\"),\n"
            : "        dQuotedPrintable = \"\",\n");
        q.Append(Has("url")
            ? "        dUrl = iff(Enc and Text matches regex @\"(%[0-9A-Fa-f]{2}[^%]{0,40}){3,}\", url_decode(Text), \"\"),\n"
            : "        dUrl = \"\",\n");
        q.Append(Has("html")
            ? "        dHtml = iff(Enc and Text matches regex @\"&(#[0-9]{2,3}|#[xX][0-9a-fA-F]{2}|[a-z]{2,6});\", replace_strings(replace_string(Text, \"&#X\", \"&#x\"), HtmlFrom, HtmlTo), \"\")\n"
            : "        dHtml = \"\"\n");
        q.Append(Has("tags")
            ? "    | extend dTags = iff(Enc, TagText, \"\")\n"
            : "    | extend dTags = \"\"\n");
        q.Append("    | extend Decoded = trim(@\"[ \\t\\r\\n]+\", strcat_delim(\"\\n\", dBase64, dBase32, dBase16, dAscii85, dRot13, dAtbash, dReverse, dQuotedPrintable, dUrl, dHtml, dTags))\n");
        if (encoded is null || encoded.Squashed.Count == 0)
        {
            q.Append("    | extend Squashed = \"\"\n");
        }
        else
        {
            q.Append("    // Squashed text: letters only, leetspeak digits and look-alike letters read as Latin letters.\n");
            q.Append("    | extend Squashed = iff(Enc and (Text matches regex @\"(?i)([a-z][0-9@$|!][a-z]|\\b[a-z][ \\t._*-]+[a-z][ \\t._*-]+[a-z][ \\t._*-]+[a-z][ \\t._*-]+[a-z]\\b)\" or string_size(Text) > strlen(Text)),\n");
            q.Append(CultureInfo.InvariantCulture, $"        replace_regex(translate(\"0134578@$!|\", \"oieastbasii\", translate(LookAlikes, {Quoted(DecoderTables.LookAlikeReadings)}, tolower(Text))), @\"[^a-z]\", \"\"), \"\")\n");
        }
    }

    private static string Column(PatternFamily family, int index) => $"p{family.Name}{index}";

    private static string EvidenceColumn(PatternFamily family) => "e" + family.Name;

    private static List<PatternFamily> Rechecked(IReadOnlyList<PatternFamily> families) =>
        [.. families.Where(f => f.RecheckDecoded && f.Patterns.Count > 0 && f.Name != EncodedFamily)];

    private static void WritePlainPatterns(StringBuilder q, IReadOnlyList<PatternFamily> families)
    {
        var rechecked = Rechecked(families);
        q.Append("    // Families marked recheckDecoded read the text followed by its decoded forms; evidence not found in the raw text came from a decoding.\n");
        q.Append("    | extend Scan = iff(isempty(Decoded), Text, strcat(Text, \"\\n\", Decoded))\n");
        var lines = new List<string>();
        foreach (var family in families)
        {
            var input = rechecked.Contains(family) ? "Scan" : "Text";
            var patterns = family.PatternsByScore.ToList();
            for (var i = 0; i < patterns.Count; i++)
            {
                lines.Add($"{Column(family, i)} = iff({Applies(family)}, extract({Verbatim(patterns[i].Regex)}, 0, {input}), \"\")");
            }
        }
        q.Append("    // One extract() per pattern of each family (patterns/<family>.yaml), best score first.\n");
        q.Append("    | extend ").Append(string.Join(",\n        ", lines)).Append('\n');
    }

    /// <summary>One candidate of a family: its evidence, technique, encoding and score expressions.</summary>
    private sealed record Candidate(string Evidence, string Technique, string Encoding, int Score);

    private static List<Candidate> Candidates(PatternFamily family, IReadOnlyList<PatternFamily> families)
    {
        var fromDecoding = Rechecked(families).Contains(family);
        var list = family.PatternsByScore.Select((p, i) => new Candidate(Column(family, i), Quoted(p.Name),
            fromDecoding ? $"iff(indexof(Text, {EvidenceColumn(family)}) < 0, \"decoded\", \"\")" : "\"\"", p.Score)).ToList();
        if (family.Name == EncodedFamily)
        {
            if (Rechecked(families).Count > 0)
            {
                list.Add(new Candidate("DecodedEvidence", "strcat(DecodedEncoding, \": \", DecodedFamily)", "DecodedEncoding", family.DecodedScore));
            }
            list.AddRange(family.Squashed.OrderByDescending(p => p.Score).Select((p, i) => new Candidate($"s{i}", Quoted(p.Name), "\"leetspeak/spacing/look-alikes\"", p.Score)));
            if (family.ReadableScore > 0)
            {
                list.Add(new Candidate("ReadableText", "strcat(ReadableEncoding, \": readable hidden text\")", "ReadableEncoding", family.ReadableScore));
            }
            if (family.PrintableScore > 0)
            {
                list.Add(new Candidate("PrintableText", "strcat(PrintableEncoding, \": printable hidden text\")", "PrintableEncoding", family.PrintableScore));
            }
        }
        if (family.Flood is { } flood)
        {
            list.Add(new Candidate($"iff({Applies(family)} and TextLength >= {flood.MinLength} and array_length(set_union(unicode_codepoints_from_string(substring(Text, 0, 400)), dynamic([]))) <= {flood.MaxDistinctCharacters}, strcat(\"flood: \", substring(Text, 0, 60)), \"\")",
                "\"character flood\"", "\"\"", flood.Score));
        }
        if (family.Codepoints is { } c)
        {
            var gate = Applies(family);
            list.Add(new Candidate($"iff({gate} and strlen(TagText) >= {c.TagMin}, strcat(\"hidden tag text: \", substring(TagText, 0, 280)), \"\")", "\"ASCII smuggling (tag characters)\"", "\"tags\"", c.TagScore));
            list.Add(new Candidate($"iff({gate} and VariationSelectors >= {c.VariationSelectorMin}, strcat(VariationSelectors, \" variation selectors\"), \"\")", "\"variation-selector smuggling\"", "\"\"", c.VariationSelectorScore));
            list.Add(new Candidate($"iff({gate} and BidiControls >= {c.BidiMin}, strcat(BidiControls, \" bidirectional controls\"), \"\")", "\"bidirectional controls\"", "\"\"", c.BidiScore));
            list.Add(new Candidate($"iff({gate} and ZeroWidth >= {c.ZeroWidthMin}, strcat(ZeroWidth, \" zero-width characters\"), \"\")", "\"zero-width characters\"", "\"\"", c.ZeroWidthScore));
            list.Add(new Candidate($"iff({gate} and Combining >= {c.CombiningMin}, strcat(Combining, \" combining marks (zalgo)\"), \"\")", "\"combining-mark flood (zalgo)\"", "\"\"", c.CombiningScore));
        }
        return [.. list.OrderByDescending(x => x.Score)];
    }

    private static string IndexColumn(PatternFamily family) => "i" + family.Name;

    /// <summary>The index of the first candidate that matched (the best score), -1 for none.</summary>
    private static string Index(PatternFamily family, List<Candidate> candidates) =>
        $"{IndexColumn(family)} = case(" + string.Join(", ", candidates.Select((c, i) => $"isnotempty({c.Evidence}), {i}")) + ", -1)";

    private static string Hit(PatternFamily family, List<Candidate> candidates)
    {
        var i = IndexColumn(family);
        var techniques = "tostring(pack_array(" + string.Join(", ", candidates.Select(c => c.Technique)) + ")[" + i + "])";
        var encodings = candidates.All(c => c.Encoding == candidates[0].Encoding)
            ? candidates[0].Encoding
            : "tostring(pack_array(" + string.Join(", ", candidates.Select(c => c.Encoding)) + ")[" + i + "])";
        var scores = "toint(dynamic([" + string.Join(", ", candidates.Select(c => c.Score.ToString(CultureInfo.InvariantCulture))) + "])[" + i + "])";
        return $"iff({i} < 0, dynamic([]), pack_array(bag_pack(\"Family\", {Quoted(family.Name)}, \"Technique\", {techniques}, \"Evidence\", {EvidenceColumn(family)}, \"Encoding\", {encodings}, \"Score\", {scores})))";
    }

    private static void WriteCandidates(StringBuilder q, IReadOnlyList<PatternFamily> families)
    {
        var all = families.Select(f => (Family: f, Candidates: Candidates(f, families))).Where(x => x.Candidates.Count > 0).ToList();
        var ordinary = all.Where(x => x.Family.Name != EncodedFamily).ToList();
        q.Append("    // The best candidate of each family; one array element per family that matched.\n");
        q.Append("    | extend ").Append(string.Join(",\n        ", ordinary.Select(x =>
            $"{EvidenceColumn(x.Family)} = coalesce({string.Join(", ", x.Candidates.Select(c => c.Evidence))}), {Index(x.Family, x.Candidates)}"))).Append('\n');
        var rechecked = Rechecked(families);
        var encoded = all.FirstOrDefault(x => x.Family.Name == EncodedFamily);
        if (encoded.Family is not null)
        {
            if (rechecked.Count > 0)
            {
                // Only the family's regex matches count (not its special candidates such as a character flood).
                string Plain(PatternFamily f) => $"coalesce({string.Join(", ", Enumerable.Range(0, f.Patterns.Count).Select(i => Column(f, i)))})";
                string NotRaw(PatternFamily f) => $"iff(indexof(Text, {Plain(f)}) < 0, {Plain(f)}, \"\")";
                q.Append("    // A rechecked family's evidence that is not in the raw text was decoded: which family, which encoding.\n");
                q.Append("    | extend DecodedEvidence = coalesce(").Append(string.Join(", ", rechecked.Select(NotRaw))).Append("),\n");
                q.Append("        DecodedFamily = case(").Append(string.Join(", ", rechecked.Select(f => $"isnotempty({NotRaw(f)}), {Quoted(f.Name)}"))).Append(", \"\")\n");
                q.Append("    | extend DecodedEncoding = case(isempty(DecodedEvidence), \"\", indexof(dBase64, DecodedEvidence) >= 0, \"base64\", indexof(dBase32, DecodedEvidence) >= 0, \"base32\",\n");
                q.Append("            indexof(dBase16, DecodedEvidence) >= 0, \"base16\", indexof(dAscii85, DecodedEvidence) >= 0, \"ascii85\", indexof(dRot13, DecodedEvidence) >= 0, \"rot13\", indexof(dAtbash, DecodedEvidence) >= 0, \"atbash\",\n");
                q.Append("            indexof(dReverse, DecodedEvidence) >= 0, \"reverse\", indexof(dQuotedPrintable, DecodedEvidence) >= 0, \"quoted-printable\", indexof(dUrl, DecodedEvidence) >= 0, \"url\",\n");
                q.Append("            indexof(dHtml, DecodedEvidence) >= 0, \"html\", indexof(dTags, DecodedEvidence) >= 0, \"tags\", \"decoded\")\n");
            }
            if (encoded.Family.ReadableScore > 0)
            {
                const string Markup = "@\"(?i)<[ \\t]*(script|img|iframe|svg|a|object|embed)\\b|javascript:|on(error|load|click)[ \\t]*=\"";
                const string Readable = "@\"^[\\x20-\\x7E\\t\\r\\n]*[A-Za-z]{2,}[ ][\\x20-\\x7E\\t\\r\\n]*[A-Za-z]{2,}[\\x20-\\x7E\\t\\r\\n]*$\"";
                q.Append("    // Readable prose hidden in base64/base32/base16/ascii85 (no family needed).\n");
                // Readable prose, or markup/script (a hidden XSS payload), in a decoded blob.
                q.Append("    | extend ReadableEncoding = case(").Append(string.Join(", ", new[] { "Base64", "Base32", "Base16", "Ascii85" }.Select(e =>
                    $"strlen(d{e}) >= 12 and (d{e} matches regex {Readable} or d{e} matches regex {Markup}), \"{e.ToLowerInvariant()}\""))).Append(",\n");
                // rot13 and Atbash always give letters: readable only when the decoded text has common English words the raw text lacks.
                q.Append("            isnotempty(dRot13) and dRot13 has_any (\"the\", \"and\", \"you\", \"is\", \"of\", \"to\") and not(Text has_any (\"the\", \"and\", \"you\", \"is\", \"of\", \"to\")), \"rot13\",\n");
                q.Append("            isnotempty(dAtbash) and dAtbash has_any (\"the\", \"and\", \"you\", \"is\", \"of\", \"to\") and not(Text has_any (\"the\", \"and\", \"you\", \"is\", \"of\", \"to\")), \"atbash\", \"\")\n");
                q.Append("    | extend ReadableText = substring(case(ReadableEncoding == \"base64\", dBase64, ReadableEncoding == \"base32\", dBase32, ReadableEncoding == \"base16\", dBase16, ReadableEncoding == \"ascii85\", dAscii85,\n");
                q.Append("            ReadableEncoding == \"rot13\", dRot13, ReadableEncoding == \"atbash\", dAtbash, \"\"), 0, 300)\n");
            }
            if (encoded.Family.PrintableScore > 0)
            {
                const string Printable = "@\"^[\\x20-\\x7E]{16,}$\"";
                q.Append("    // Printable text without spaces hidden in base16/base32/ascii85 (base64 is left out: JWT headers decode to JSON).\n");
                q.Append("    | extend PrintableEncoding = case(").Append(string.Join(", ", new[] { "Base16", "Base32", "Ascii85" }.Select(e =>
                    $"d{e} matches regex {Printable}, \"{e.ToLowerInvariant()}\""))).Append(", \"\")\n");
                q.Append("    | extend PrintableText = substring(case(PrintableEncoding == \"base16\", dBase16, PrintableEncoding == \"base32\", dBase32, PrintableEncoding == \"ascii85\", dAscii85, \"\"), 0, 300)\n");
            }
            if (encoded.Family.Squashed.Count > 0)
            {
                // Squashed matches count only when no rechecked family matched the plain text.
                var plain = rechecked.Count == 0 ? "true" : string.Join(" and ", rechecked.Select(f => $"isempty({EvidenceColumn(f)})"));
                q.Append("    | extend ").Append(string.Join(",\n        ", encoded.Family.Squashed.OrderByDescending(p => p.Score).Select((p, i) =>
                    $"s{i} = iff(isnotempty(Squashed) and {plain}, extract({Verbatim(p.Regex)}, 0, Squashed), \"\")"))).Append('\n');
            }
            q.Append(CultureInfo.InvariantCulture, $"    | extend {EvidenceColumn(encoded.Family)} = coalesce({string.Join(", ", encoded.Candidates.Select(c => c.Evidence))}), {Index(encoded.Family, encoded.Candidates)}\n");
        }
        q.Append("    | extend Hits = array_concat(").Append(string.Join(",\n        ", all.Select(x => Hit(x.Family, x.Candidates)))).Append(")\n");
    }

    private static void WriteMeta(StringBuilder q, MetaDiscussionRules meta, IReadOnlyList<PatternFamily> families)
    {
        var output = string.Join(", ", SignalColumns.All.Select(c => c.Name));
        // A text quotes the phrase when any family's evidence in it is quoted or cited; meta discussion is a property of the text.
        string QuotedExpr(string e) => $"(isnotempty({e}) and indexof(Text, {e}) > 0 and substring(Text, max_of(indexof(Text, {e}) - 16, 0), min_of(indexof(Text, {e}), 16)) matches regex {Verbatim(meta.Quotes)})";
        q.Append("    | extend HitCount = array_length(Hits)\n");
        q.Append("    | extend Quoted = HitCount > 0 and (").Append(string.Join("\n        or ", families.Select(f => QuotedExpr("e" + f.Name)))).Append(")\n");
        q.Append("    | mv-expand Hit = Hits to typeof(dynamic)\n");
        q.Append("    | extend Family = tostring(Hit.Family), Technique = tostring(Hit.Technique), Evidence = tostring(Hit.Evidence), Encoding = tostring(Hit.Encoding),\n");
        q.Append("        PatternScore = toint(Hit.Score)\n");
        q.Append("    // Meta discussion (patterns/meta-discussion.yaml): a security-training app, or a question or teaching text about attacks that quotes the phrase.\n");
        q.Append(CultureInfo.InvariantCulture, $"    | extend Topic = Text matches regex {Verbatim(meta.Topic)}, Question = Text matches regex @\"\\?([ \\t\\r\\n]|$)\"\n");
        q.Append(CultureInfo.InvariantCulture, $"    | extend IsMetaDiscussion = set_has_element(TrainingApps, tolower(AppName)) or (HitCount <= {meta.MaxFamilies} and TextLength <= {meta.MaxLength}\n");
        // Three of four cues (a teaching or question frame, the phrase quoted, an attack topic, a question), one of them the
        // quote or the topic; a bare question about an attack topic only when it is short.
        q.Append(CultureInfo.InvariantCulture, $"        and (Quoted or Topic) and toint(Text matches regex {Verbatim(meta.Frame)}) + toint(Quoted) + toint(Topic) + toint(Question) >= 3\n");
        q.Append(CultureInfo.InvariantCulture, $"        and (Quoted or TextLength <= {meta.MaxQuestionLength}))\n");
        q.Append(CultureInfo.InvariantCulture, $"    | extend Score = toint(iff(IsMetaDiscussion, min_of(PatternScore, {meta.Score}), PatternScore))\n");
        q.Append("    | extend Severity = case(Score >= 70, \"High\", Score >= 40, \"Medium\", Score >= 20, \"Low\", \"Informational\"),\n");
        q.Append("        Evidence = substring(Evidence, 0, 300), TextExcerpt = substring(Text, 0, 300),\n");
        q.Append("        DecodedExcerpt = iff(Family == \"EncodedPayload\", substring(coalesce(Decoded, Squashed), 0, 300), \"\")\n");
        q.Append("    | project ").Append(output).Append(";\n");
    }
}
