{#
    Report consistency findings: rows of fct_report_checks whose rule matches `rule_like` and whose
    status is 'fail'. Use severity warn for rules about the source (R1-R4: a report that breaks its
    own sums is a finding, not a build failure) and error for our own invariants (T1: a cell mapped
    twice).
#}
{% test no_failed_checks(model, column_name, rule_like) %}

    select *
    from {{ model }}
    where {{ column_name }} = 'fail'
      and rule like '{{ rule_like }}'

{% endtest %}
