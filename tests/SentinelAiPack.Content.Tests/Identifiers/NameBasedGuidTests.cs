using SentinelAiPack.Content.Identifiers;

namespace SentinelAiPack.Content.Tests.Identifiers;

public class NameBasedGuidTests
{
    [Test]
    public void Version5_matches_the_rfc_reference_value()
    {
        // RFC 9562 appendix A.4: namespace DNS, name "www.example.com".
        var id = NameBasedGuid.Version5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com");
        Assert.That(id, Is.EqualTo(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2")));
    }

    // Reference values computed outside .NET (Python hashlib + uuid): SHA-256 of the name, first 16 bytes, version and
    // variant bits, read in RFC byte order (workbook parameter ids) or Microsoft's (sample-data identities).
    [TestCase("aipack-workbook/x", true, "780c0cf0-c1cc-523c-8268-6ba811c84a16")]
    [TestCase("ikey/appi-ai-apps", false, "5d6574cb-e2e3-5001-8792-780ef1dd16c7")]
    public void Sha256_keeps_the_ids_already_written(string name, bool bigEndian, string expected)
    {
        Assert.That(NameBasedGuid.Sha256(name, bigEndian).ToString("D"), Is.EqualTo(expected));
    }

    [Test]
    public void Every_kind_is_a_version_5_rfc_variant_guid()
    {
        var ids = new[] { NameBasedGuid.Version5(Guid.Empty, "a"), NameBasedGuid.Sha256("a"), NameBasedGuid.Sha256("a", bigEndian: false) };
        Assert.Multiple(() =>
        {
            foreach (var id in ids.Select(i => i.ToString("D")))
            {
                Assert.That(id[14], Is.EqualTo('5'), id);
                Assert.That(id[19], Is.AnyOf('8', '9', 'a', 'b'), id);
            }
        });
    }
}
