using KiPlatform.Applications.Lifecycle;
using KiPlatform.Applications.Municipalities;

namespace KiPlatform.Services.Tests.Applications;

public sealed class KiApprovalTests
{
    private static readonly DateTimeOffset Approval = new(2013, 6, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_step_that_approves_an_application_gives_its_municipality_a_ki_from_that_moment()
    {
        var soest = Municipality("05974");

        soest.RecordApproval(Step("05974", ApplicationStatus.ContentReview, ApplicationStatus.Approved, Approval));

        Assert.Equal(Approval, soest.KiApprovedAt);
    }

    [Theory]
    [InlineData(ApplicationStatus.FormalReview, ApplicationStatus.ContentReview)]
    [InlineData(ApplicationStatus.ContentReview, ApplicationStatus.Rejected)]
    public void A_step_that_does_not_approve_gives_no_ki(ApplicationStatus from, ApplicationStatus to)
    {
        var soest = Municipality("05974");

        soest.RecordApproval(Step("05974", from, to, Approval));

        Assert.False(soest.HasKi);
    }

    [Fact]
    public void A_later_approval_keeps_the_first_date()
    {
        var soest = Municipality("05974");
        soest.RecordApproval(Step("05974", ApplicationStatus.ContentReview, ApplicationStatus.Approved, Approval));

        soest.RecordApproval(Step("05974", ApplicationStatus.ContentReview, ApplicationStatus.Approved, Approval.AddYears(1)));

        Assert.Equal(Approval, soest.KiApprovedAt);
    }

    private static Municipality Municipality(string ags) => new()
    {
        Ags = ags, Name = "Kreis Soest", Kind = MunicipalityKind.District, GovernmentDistrict = "Arnsberg", FirstWave = true,
    };

    private static ApplicationStep Step(string ags, ApplicationStatus from, ApplicationStatus to, DateTimeOffset at) => new()
    {
        ApplicationId = Guid.NewGuid(), Sequence = 5, Ags = ags, Action = StepAction.SignedOffByMsw,
        FromStatus = from, ToStatus = to, Actor = "dev-msw", ActorRole = "msw", At = at,
    };
}
