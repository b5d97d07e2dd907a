-- One row per current GB/T 2260 division (province, prefecture-level city, county-level unit) from
-- the gazetteer seed, with the codes and names of the units above it and its former names.
with

regions as (
    select * from {{ ref('regions') }}
),

current_regions as (
    select * from regions
    where valid_to is null
),

former_names as (
    select
        code,
        string_agg(name || ' (until ' || cast(valid_to as varchar) || ')', '; ' order by valid_to, name) as former_names
    from regions
    where valid_to is not null
    group by code
),

final as (
    select
        current_regions.code as region_code,
        current_regions.name as region_name,
        current_regions.level as region_level,
        current_regions.parent_code,
        current_regions.province,
        current_regions.city,
        current_regions.county,
        left(current_regions.code, 2) || '0000' as province_code,
        case
            when current_regions.level = 'county' and current_regions.city is not null then current_regions.parent_code
            when current_regions.level = 'city' then current_regions.code
        end as city_code,
        current_regions.short_name,
        current_regions.area_code,
        current_regions.postcode,
        current_regions.valid_from,
        former_names.former_names
    from current_regions
    left join former_names
        on current_regions.code = former_names.code
)

select * from final
