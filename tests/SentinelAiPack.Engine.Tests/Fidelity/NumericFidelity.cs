namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>Integer division, modulo, type rules, bin on negatives, datetime/timespan arithmetic.</summary>
public class NumericFidelity : FidelitySuite
{
    private const string Numerical = "https://learn.microsoft.com/kusto/query/numerical-operators";
    private const string Bin = "https://learn.microsoft.com/kusto/query/bin-function";
    private const string BinAt = "https://learn.microsoft.com/kusto/query/bin-at-function";
    private const string Arithmetic = "https://learn.microsoft.com/kusto/query/datetime-timespan-arithmetic";

    public static IEnumerable<FidelityCase> Cases() =>
    [
        new("integer division truncates; real operand gives real", Numerical, "print 1.0 / 2, 1 / 2.0, 1 / 2, real(1) / 2", "0.5|0.5|0|0.5"),
        new("modulo is never negative", Numerical, "print plusPlus = 14 % 12, minusPlus = -14 % 12, plusMinus = 14 % -12, minusMinus = -14 % -12", "2|10|2|10"),
        new("operator examples", Numerical, "print 3.14 + 3.14, 4 / 2, 4 % 2, 1 < 10, 10sec < 1h, 0.23 > 0.22, 10min > 1sec", "6.28|2|0|true|true|true|true"),
        new("bin rounds down to a multiple", Bin, "print bin(4.5, 1), bin(time(16d), 7d), bin(datetime(1970-05-11 13:45:07), 1d)", "4|14.00:00:00|1970-05-11T00:00:00Z"),
        new("bin on negatives is the multiple below", Bin, "print bin(-4.5, 1), bin(-5, 2), bin(-1h, 1d)", "-5|-6|-1.00:00:00"),
        new("bin with a negative or null size is null", Bin, "print bin(4.5, -1), bin(4, long(null))", "null|null"),
        new("bin_at shifts the bins to a fixed point", BinAt,
            "print bin_at(6.5, 2.5, 7), bin_at(time(1h), 1d, 12h), bin_at(datetime(2017-05-15 10:20:00.0), 1d, datetime(1970-01-01 12:00:00.0)), bin_at(datetime(2017-05-17 10:20:00.0), 7d, datetime(2017-06-04 00:00:00.0))",
            "4.5|-12:00:00|2017-05-14T12:00:00Z|2017-05-14T00:00:00Z"),
        new("datetime minus datetime is a timespan", Arithmetic, "print datetime(1997-06-25) - datetime(1910-06-11)", "31791.00:00:00"),
        new("timespan sums and datetime plus timespan", Arithmetic, "print 1d + 2d, datetime(1910-06-11) + 1d", "3.00:00:00|1910-06-12T00:00:00Z"),
        new("timespan divided by timespan is real", Arithmetic, "print 1d / 5h, 1h / 1s", "4.8|3600"),
        new("number times timespan is timespan", Arithmetic, "print 1.5 * 1h", "01:30:00"),
        new("unix time conversions", Arithmetic, """
            let fromUnixTime = (t: long) { datetime(1970-01-01) + t * 1sec };
            let toUnixTime = (dt: datetime) { (dt - datetime(1970-01-01)) / 1s };
            print fromUnixTime(1546897531), toUnixTime(datetime(2019-01-07 21:45:31.0000000))
            """, "2019-01-07T21:45:31Z|1546897531"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Behaves_as_documented(FidelityCase c) => Check(c);
}
