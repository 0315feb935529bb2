namespace KiPlatform.Staffing.PostPlans;

/// <summary>The stable reason codes of the Staffing domain's refusals, each documented in the proto of the RPCs that return it.</summary>
public static class StaffingReasons
{
    public const string PlanNotFound = "POST_PLAN_NOT_FOUND";
    public const string PostNotFound = "POST_NOT_FOUND";
    public const string PeriodNotInPlan = "PERIOD_NOT_IN_PLAN";
    public const string PeriodNotAfterPlan = "PERIOD_NOT_AFTER_PLAN";
    public const string PostOverfilled = "POST_OVERFILLED";
    public const string OutsidePlan = "OCCUPANCY_OUTSIDE_PLAN";
    public const string OutsidePost = "OCCUPANCY_OUTSIDE_POST";
    public const string EndBeforeStart = "END_BEFORE_START";
    public const string ShareStep = "SHARE_NOT_IN_TENTHS";
    public const string SecondmentRequired = "SECONDMENT_REFERENCE_REQUIRED";
    public const string SecondmentOnlyForTeachers = "SECONDMENT_REFERENCE_NOT_TEACHER_POST";
    public const string AlreadyInPost = "STAFF_ALREADY_IN_POST";
    public const string NotInPost = "STAFF_NOT_IN_POST";
    public const string LeadNotFullTime = "LEAD_NOT_FULL_TIME";
    public const string LeadTwice = "HEAD_AND_DEPUTY_SAME_PERSON";
    public const string CategoryNotYours = "POST_CATEGORY_NOT_YOURS";
}
