using KiPlatform.Domain;
using KiPlatform.Funding.Disbursements;
using KiPlatform.Funding.Grants;
using KiPlatform.Funding.Repayments;
using KiPlatform.Funding.Vacancies;

namespace KiPlatform.Services.Tests.Funding;

/// <summary>The grant's life after its notice: call-offs, tranches, what is owed with vacant posts, deadlines, revocation and interest.</summary>
public sealed class GrantSettlementTests
{
    private static readonly FlatRates Defaults = new(5_000_000, 5_000_000, 4_000_000);
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<BaseRate> BaseRates = BaseRateSeeder.Shipped();

    /// <summary>A full KI-year of 2025 (170,000.00 EUR), its notice final.</summary>
    private static Grant FinalGrant()
    {
        var amounts = GrantCalculation.Compute(new MaisFte(2000, 1000, 500), Defaults, new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var grant = Grant.FromApproval(Guid.NewGuid(), new GrantRecipient("05974", "Kreis Soest", "Arnsberg"), "2025", new DateOnly(2025, 12, 31),
            Now, 2000, new MaisFte(2000, 1000, 500), Defaults, amounts, Now);
        grant.Issue("KI-2025-05974-01", new DateOnly(2025, 1, 2), Now);
        grant.BecomeFinal(new DateOnly(2025, 1, 3), waived: true, "dev-municipality-05974", Now);
        return grant;
    }

    [Fact]
    public void A_call_off_of_30_000_euros_against_a_two_month_need_of_25_000_euros_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            DisbursementRules.EnsureAllowed("grants/x", GrantStatus.Final, fixedTranches: false, 3_000_000, 2_500_000, 17_000_000));

        Assert.Equal(DisbursementReasons.AboveTwoMonthNeed, refused.Reason);
    }

    [Fact]
    public void A_call_off_within_the_two_month_need_and_what_is_left_is_allowed_only_once_the_notice_is_final()
    {
        DisbursementRules.EnsureAllowed("grants/x", GrantStatus.Final, fixedTranches: false, 2_500_000, 2_500_000, 2_500_000);
        var notFinal = Assert.Throws<RuleViolationException>(() => DisbursementRules.EnsureAllowed("grants/x", GrantStatus.Issued, false, 100, 100, 100));
        var aboveLeft = Assert.Throws<RuleViolationException>(() => DisbursementRules.EnsureAllowed("grants/x", GrantStatus.Final, false, 2_500_000, 3_000_000, 2_499_999));
        var tranches = Assert.Throws<RuleViolationException>(() => DisbursementRules.EnsureAllowed("grants/x", GrantStatus.Final, true, 100, 100, 100));

        Assert.Equal(
            (DisbursementReasons.GrantNotFinal, DisbursementReasons.AboveGrantLeft, DisbursementReasons.TranchesScheduled),
            (notFinal.Reason, aboveLeft.Reason, tranches.Reason));
    }

    [Fact]
    public void Tranches_fall_on_1_May_and_1_October_and_the_last_pays_the_rest()
    {
        var dates = Tranches.DatesIn(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal([new DateOnly(2025, 5, 1), new DateOnly(2025, 10, 1)], dates);
        Assert.Equal(8_500_000, Tranches.Amount(dates[0], dates, 17_000_000));
        Assert.Equal(8_500_001, Tranches.Amount(dates[1], dates, 8_500_001));
    }

    [Fact]
    public void A_specialist_post_vacant_for_3_months_and_an_administrative_post_half_vacant_for_2_months_deduct_16_666_67_euros()
    {
        var specialist = Guid.NewGuid();
        var administrative = Guid.NewGuid();
        var months = new List<VacantPostMonth>
        {
            new(specialist, OwedAmount.Specialist, 1000, 2025, 1, 31, 31_000),
            new(specialist, OwedAmount.Specialist, 1000, 2025, 2, 28, 28_000),
            new(specialist, OwedAmount.Specialist, 1000, 2025, 3, 31, 31_000),
            // Shared by two at 0.5 each; one left, so half of the post stood vacant.
            new(administrative, OwedAmount.Administration, 1000, 2025, 4, 30, 15_000),
            new(administrative, OwedAmount.Administration, 1000, 2025, 5, 31, 15_500),
            // Not ended by the day accounted to: not counted yet.
            new(specialist, OwedAmount.Specialist, 1000, 2025, 7, 31, 31_000),
        };

        var owed = OwedAmount.Compute(17_000_000, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Defaults, months, new DateOnly(2025, 7, 15));

        Assert.Equal(new OwedFigures(17_000_000, 1_666_667, 15_333_333, new DateOnly(2025, 5, 31)), owed);
    }

    [Fact]
    public void Months_before_the_grant_started_are_not_deducted()
    {
        var months = new List<VacantPostMonth> { new(Guid.NewGuid(), OwedAmount.Support, 500, 2025, 9, 30, 15_000) };

        var owed = OwedAmount.Compute(1_000_000, new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), Defaults, months, new DateOnly(2026, 1, 1));

        Assert.Equal(0, owed.DeductionCents);
    }

    [Fact]
    public void Interest_on_10_000_euros_from_1_May_to_31_August_2023_runs_at_6_62_then_8_12_percent_across_the_base_rate_change()
    {
        var interest = RepaymentInterest.Compute([new ClaimPart(new DateOnly(2023, 5, 1), 1_000_000)], new DateOnly(2023, 8, 31), BaseRates);

        // 10,000 x 6.62 % x 61/365 + 10,000 x 8.12 % x 61/365 = 246.34 EUR
        Assert.Equal(24_634, interest);
    }

    [Fact]
    public void While_the_base_rate_was_negative_the_interest_was_below_5_percent()
    {
        var interest = RepaymentInterest.Compute([new ClaimPart(new DateOnly(2014, 1, 1), 1_000_000)], new DateOnly(2014, 7, 1), BaseRates);

        // 10,000 x (5 - 0.63) % x 181/365 = 216.70 EUR
        Assert.Equal(21_670, interest);
    }

    [Fact]
    public void Revoking_100_000_euros_of_a_grant_paid_in_two_tranches_claims_the_October_tranche_first_and_interest_from_each_payment()
    {
        var grant = FinalGrant();
        grant.RecordPaid(8_500_000, new DateOnly(2025, 5, 1), "Tranche", GrantActors.System, Now);
        grant.RecordPaid(8_500_000, new DateOnly(2025, 10, 1), "Tranche", GrantActors.System, Now);
        grant.SubmitProofOfUse("dev-municipality-05974", Now);

        var claim = grant.RevokeInPart(10_000_000, "Posts vacant", new DateOnly(2026, 1, 15), "dev-mais", Now);
        var interest = grant.InterestDue(new DateOnly(2026, 1, 31), BaseRates);
        var wrong = Assert.Throws<RuleViolationException>(() => grant.RecordRepayment(new DateOnly(2026, 1, 31), 10_000_000, BaseRates, "dev-mais", Now));
        grant.RecordRepayment(new DateOnly(2026, 1, 31), 10_000_000 + interest, BaseRates, "dev-mais", Now);

        Assert.Equal(new[] { new ClaimPart(new DateOnly(2025, 10, 1), 8_500_000), new ClaimPart(new DateOnly(2025, 5, 1), 1_500_000) }, claim!.Parts);
        // 85,000 x 6.27 % x 122/365 + 15,000 x (7.27 % x 61/365 + 6.27 % x 214/365) = 2,515.03 EUR
        Assert.Equal(251_503, interest);
        Assert.Equal(GrantReasons.RepaymentNotAsDue, wrong.Reason);
        Assert.Equal((GrantStatus.Closed, 17_000_000L, 10_000_000L, 10_000_000L, 251_503L, 0L),
            (grant.Status, grant.DisbursedCents, grant.RevokedCents, grant.RepaidCents, grant.InterestPaidCents, grant.RepayableCents));
    }

    [Fact]
    public void Revoking_no_more_than_is_unpaid_closes_the_grant_without_a_claim()
    {
        var grant = FinalGrant();
        grant.RecordPaid(8_500_000, new DateOnly(2025, 5, 1), "Tranche", GrantActors.System, Now);
        grant.SubmitProofOfUse("dev-municipality-05974", Now);

        var claim = grant.RevokeInPart(5_000_000, "Posts vacant", new DateOnly(2026, 1, 15), "dev-mais", Now);

        Assert.Null(claim);
        Assert.Equal(GrantStatus.Closed, grant.Status);
    }

    [Fact]
    public void A_grant_cannot_be_reviewed_before_its_proof_of_use_nor_revoked_above_what_was_granted()
    {
        var grant = FinalGrant();
        var early = Assert.Throws<RuleViolationException>(() => grant.AcceptProofOfUse("dev-mais", Now));
        grant.SubmitProofOfUse("dev-municipality-05974", Now);
        var twice = Assert.Throws<RuleViolationException>(() => grant.SubmitProofOfUse("dev-municipality-05974", Now));
        var above = Assert.Throws<RuleViolationException>(() => grant.RevokeInPart(17_000_001, "x", new DateOnly(2026, 1, 15), "dev-mais", Now));

        Assert.Equal((GrantReasons.ProofOfUseNotSubmitted, GrantReasons.ProofOfUseAlreadySubmitted, GrantReasons.RevocationAboveGrant), (early.Reason, twice.Reason, above.Reason));
    }

    [Fact]
    public void The_proof_of_use_is_due_on_30_June_reminded_on_2_and_23_June_and_flagged_overdue_on_1_July_each_once()
    {
        var grant = FinalGrant();

        Assert.Equal(new DateOnly(2026, 6, 30), grant.ProofOfUseDueOn);
        Assert.Empty(grant.ReachDeadlines(new DateOnly(2026, 6, 1), Now));
        Assert.Equal([ProofOfUseDeadline.FourWeeksBefore], grant.ReachDeadlines(new DateOnly(2026, 6, 2), Now));
        Assert.Empty(grant.ReachDeadlines(new DateOnly(2026, 6, 3), Now));
        Assert.Equal([ProofOfUseDeadline.OneWeekBefore], grant.ReachDeadlines(new DateOnly(2026, 6, 23), Now));
        Assert.Empty(grant.ReachDeadlines(new DateOnly(2026, 6, 30), Now));
        Assert.Equal([ProofOfUseDeadline.Overdue], grant.ReachDeadlines(new DateOnly(2026, 7, 1), Now));
        Assert.Empty(grant.ReachDeadlines(new DateOnly(2026, 7, 2), Now));
        Assert.Equal(new DateOnly(2026, 7, 1), grant.ProofOfUseOverdueSince);
    }

    [Fact]
    public void Every_figure_of_the_grant_is_the_sum_of_its_history()
    {
        var grant = FinalGrant();
        grant.RecordPaid(3_000_000, new DateOnly(2025, 2, 1), "Call-off", GrantActors.System, Now);
        grant.RecordPaid(2_000_000, new DateOnly(2025, 4, 1), "Call-off", GrantActors.System, Now);

        Assert.Equal(5_000_000, grant.Steps.Where(s => s.Kind == GrantMoneyKind.Disbursed).Sum(s => s.AmountCents));
        Assert.Equal((5_000_000L, 12_000_000L), (grant.DisbursedCents, grant.UnpaidCents));
    }
}
