namespace SentinelAiPack.Enrichment.Rendering.Tests;

public class CommentIdTests
{
    [Test]
    public void Same_incident_and_enricher_give_the_same_id()
    {
        var a = CommentId.For("73E01A99-5CD7-4139-A149-9F2736FF2AB5", "prompt-injection");
        var b = CommentId.For(" 73e01a99-5cd7-4139-a149-9f2736ff2ab5 ", "prompt-injection");
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void Different_enrichers_or_incidents_give_different_ids()
    {
        var ids = new[]
        {
            CommentId.For("incident-1", "prompt-injection"),
            CommentId.For("incident-1", "model-inventory"),
            CommentId.For("incident-2", "prompt-injection"),
        };
        Assert.That(ids.Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void Ids_are_version_5_rfc_uuids()
    {
        var id = CommentId.For("incident-1", "prompt-injection").ToString();
        Assert.Multiple(() =>
        {
            Assert.That(id[14], Is.EqualTo('5'));
            Assert.That(id[19], Is.AnyOf('8', '9', 'a', 'b'));
        });
    }
}
