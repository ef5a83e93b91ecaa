-- What a job counts: rows of a file for the imports, and other things for other slow work (figures
-- frozen when a cycle closes, parts of the demo loaded), so its page can say so in its own words.
alter table job add column measure text not null default 'rows'
    check (measure in ('rows', 'figures', 'parts'));
