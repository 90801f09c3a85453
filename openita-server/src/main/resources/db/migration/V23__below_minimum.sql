-- For a result computed from survey answers: the survey parts whose responses were fewer than the minimum the year's
-- definition set for the agency when the surveys closed, e.g. {"IIT": {"responses": 7, "minimum": 12, "provisional": true}}.
-- The results page and the report print it beside the "computed by OpenITA" label. Official rows never carry it (an
-- official import clears it with the basis).
alter table agency_result
    add column below_minimum jsonb check (below_minimum is null or jsonb_typeof(below_minimum) = 'object'),
    add constraint agency_result_below_minimum_of_survey check (below_minimum is null or source = 'SURVEY');
