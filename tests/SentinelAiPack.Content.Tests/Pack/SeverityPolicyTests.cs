namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>
/// The analyst guide: "Treat training pipeline alerts with higher urgency than production serving alerts.
/// Compromise of training infrastructure can affect all models produced afterward." The pack's policy
/// (detections/README.md): a training-pipeline alert never ranks below Medium, and each training-pipeline rule is
/// one severity above the serving-side rule that finds the same kind of anomaly.
/// </summary>
public class SeverityPolicyTests
{
    /// <summary>Training-pipeline rule → the serving-side rules that find the same kind of anomaly.</summary>
    public static IEnumerable<TestCaseData> Counterparts()
    {
        yield return Pair("TrainingAssetChangeByUnexpectedIdentity", "ModelDeploymentByNonPipelineIdentity", "asset changed by an identity outside the pipeline");
        yield return Pair("DatasetModifiedShortlyBeforeTrainingRun", "RagKnowledgeBaseWriteByUnapprovedIdentity", "data the model consumes written by an unexpected identity");
        yield return Pair("TrainingJobByFirstTimeSubmitter", "AgentFirstUseOfTool", "first-time actor or action");
        yield return Pair("TrainingComputeScaleOrSkuAnomaly", "AgentToolCallBurstInSession", "resource consumption far above baseline");
        yield return Pair("TrainingEgressToUnapprovedDestination", "AgentEmailToNewExternalRecipient", "data sent to a destination outside the allowlist");
        yield return Pair("AiKeyOrSecretListingByUnexpectedIdentity", "ModelDeploymentByNonPipelineIdentity", "control-plane action by an unexpected identity");
    }

    private static TestCaseData Pair(string training, string serving, string kind) =>
        new TestCaseData(training, serving).SetName($"{training} ranks above {serving} ({kind})");

    [TestCaseSource(nameof(Counterparts))]
    public void Training_rule_ranks_above_its_serving_counterpart(string training, string serving)
    {
        var trainingRule = PackRules.Rule(training);
        var servingRule = PackRules.Rule(serving);
        Assert.That(PackRules.AlertType(trainingRule), Is.EqualTo("TrainingPipelineAnomaly"));
        Assert.That(PackRules.AlertType(servingRule), Is.Not.EqualTo("TrainingPipelineAnomaly"));

        Assert.That(PackRules.Rank(trainingRule.Severity!.Value), Is.GreaterThan(PackRules.Rank(servingRule.Severity!.Value)),
            $"{training} is {trainingRule.Severity.Value}, {serving} is {servingRule.Severity.Value}");
    }

    [Test]
    public void No_training_pipeline_alert_ranks_below_medium()
    {
        var training = PackRules.Rules.Where(r => PackRules.AlertType(r) == "TrainingPipelineAnomaly").ToList();
        var low = training
            .SelectMany(r => PackRules.EmittedSeverities(r).Where(s => PackRules.Rank(s) < PackRules.Rank("Medium"))
                .Select(s => $"{Path.GetFileNameWithoutExtension(r.FilePath)}: {s}"))
            .ToList();

        Assert.That(training, Has.Count.GreaterThanOrEqualTo(8), "the training-pipeline rules were not found");
        Assert.That(low, Is.Empty);
    }
}
