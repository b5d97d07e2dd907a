-- One row per current GB/T 2260 division; the logic lives in int_regions, which rpt_agency_years
-- reads too (marts read staging and intermediate models, never other marts).
with

regions as (
    select * from {{ ref('int_regions') }}
)

select
    region_code,
    region_name,
    region_level,
    parent_code,
    province,
    city,
    county,
    province_code,
    city_code,
    short_name,
    area_code,
    postcode,
    valid_from,
    former_names
from regions
