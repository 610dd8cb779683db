-- A value save in one statement (docs/decisions/024-one-statement-save.md): the year check, the
-- version check, the write, its revision and its audit row run inside the database, so a save's
-- transaction holds its row locks for one round trip instead of eight. The caller (saveValueIn,
-- db/commands/values.ts) has already parsed the input with the metric's unit and bounds; they are
-- passed back and compared, so a metric edited in between is re-read rather than trusted.
-- It answers with a status instead of raising, so the caller builds the same AppErrors as before;
-- only the database's own failures (constraints, triggers) raise and roll the save back.
--
-- p_fields holds the optional text fields the writer sent: a key that is absent keeps what is
-- stored, a JSON null clears it. p_version null is last-write-wins.
CREATE OR REPLACE FUNCTION report_desk_save_value(
  p_year integer,
  p_metric_key text,
  p_unit text,
  p_min double precision,
  p_max double precision,
  p_version integer,
  p_value double precision,
  p_fields jsonb,
  p_actor_id integer,
  p_actor_email text,
  p_at timestamptz,
  p_reason text,
  p_audit boolean,
  p_ip text
) RETURNS jsonb AS $$
DECLARE
  v_status text;
  v_metric metrics%ROWTYPE;
  v_cur metric_values%ROWTYPE;
  v_has_cur boolean;
  v_row metric_values%ROWTYPE;
  v_written boolean := false;
  v_by text;
BEGIN
  -- FOR SHARE, as assertYearOpen: a lock waits for this save, and a save after a lock sees it.
  SELECT status INTO v_status FROM reporting_years WHERE year = p_year FOR SHARE;
  IF NOT FOUND THEN RETURN jsonb_build_object('status', 'year_missing'); END IF;
  IF v_status = 'locked' THEN RETURN jsonb_build_object('status', 'year_locked'); END IF;

  SELECT * INTO v_metric FROM metrics WHERE key = p_metric_key;
  IF NOT FOUND THEN RETURN jsonb_build_object('status', 'metric_missing'); END IF;
  IF v_metric.unit IS DISTINCT FROM p_unit OR v_metric.min IS DISTINCT FROM p_min OR v_metric.max IS DISTINCT FROM p_max THEN
    RETURN jsonb_build_object('status', 'metric_changed');
  END IF;

  -- Without a version the row is locked as it is read, so simultaneous saves take turns.
  IF p_version IS NULL THEN
    SELECT * INTO v_cur FROM metric_values WHERE metric_id = v_metric.id AND year = p_year FOR UPDATE;
  ELSE
    SELECT * INTO v_cur FROM metric_values WHERE metric_id = v_metric.id AND year = p_year;
  END IF;
  v_has_cur := FOUND;
  IF NOT v_has_cur AND v_metric.archived THEN RETURN jsonb_build_object('status', 'archived'); END IF;

  IF p_version IS NULL OR p_version = coalesce(v_cur.version, 0) THEN
    FOR attempt IN 1..2 LOOP
      IF v_has_cur THEN
        -- The version in the WHERE makes the check and the write one atomic step: of two saves
        -- from the same version, the second finds no row to update and is refused.
        UPDATE metric_values SET
          value = p_value,
          qualifier = CASE WHEN p_value IS NULL THEN NULL WHEN p_fields ? 'qualifier' THEN p_fields->>'qualifier' ELSE v_cur.qualifier END,
          note = CASE WHEN p_fields ? 'note' THEN p_fields->>'note' ELSE v_cur.note END,
          source = CASE WHEN p_fields ? 'source' THEN p_fields->>'source' ELSE v_cur.source END,
          wording = CASE WHEN p_fields ? 'wording' THEN p_fields->>'wording' ELSE v_cur.wording END,
          source_producer = CASE WHEN p_fields ? 'sourceProducer' THEN p_fields->>'sourceProducer' ELSE v_cur.source_producer END,
          source_title = CASE WHEN p_fields ? 'sourceTitle' THEN p_fields->>'sourceTitle' ELSE v_cur.source_title END,
          source_url = CASE WHEN p_fields ? 'sourceUrl' THEN p_fields->>'sourceUrl' ELSE v_cur.source_url END,
          source_published = CASE WHEN p_fields ? 'sourcePublished' THEN p_fields->>'sourcePublished' ELSE v_cur.source_published END,
          source_accessed = CASE WHEN p_fields ? 'sourceAccessed' THEN p_fields->>'sourceAccessed' ELSE v_cur.source_accessed END,
          source_phrase = CASE WHEN p_fields ? 'sourcePhrase' THEN p_fields->>'sourcePhrase' ELSE v_cur.source_phrase END,
          version = v_cur.version + 1,
          updated_by = p_actor_id,
          updated_at = p_at
        WHERE id = v_cur.id AND version = v_cur.version
        RETURNING * INTO v_row;
        v_written := FOUND;
      ELSE
        INSERT INTO metric_values (metric_id, year, value, qualifier, note, source, wording, source_producer, source_title,
          source_url, source_published, source_accessed, source_phrase, version, updated_by, updated_at)
        VALUES (v_metric.id, p_year, p_value, CASE WHEN p_value IS NULL THEN NULL ELSE p_fields->>'qualifier' END,
          p_fields->>'note', p_fields->>'source', p_fields->>'wording', p_fields->>'sourceProducer', p_fields->>'sourceTitle',
          p_fields->>'sourceUrl', p_fields->>'sourcePublished', p_fields->>'sourceAccessed', p_fields->>'sourcePhrase', 1, p_actor_id, p_at)
        ON CONFLICT DO NOTHING
        RETURNING * INTO v_row;
        v_written := FOUND;
        IF NOT v_written AND p_version IS NULL THEN
          -- Someone else's first value landed between the read and the insert: it is committed
          -- now (the insert waited for it), so this save goes on top of it.
          SELECT * INTO v_cur FROM metric_values WHERE metric_id = v_metric.id AND year = p_year FOR UPDATE;
          v_has_cur := FOUND;
          IF v_has_cur THEN CONTINUE; END IF;
        END IF;
      END IF;
      EXIT;
    END LOOP;
  END IF;

  IF NOT v_written THEN
    -- 409 with the row as it is now (this statement's own snapshot is fresh: READ COMMITTED
    -- gives each statement of a function a new one), so the writer can see who changed what.
    SELECT * INTO v_row FROM metric_values WHERE metric_id = v_metric.id AND year = p_year;
    IF NOT FOUND THEN RETURN jsonb_build_object('status', 'conflict', 'current', NULL); END IF;
    SELECT name INTO v_by FROM users WHERE id = v_row.updated_by;
    RETURN jsonb_build_object('status', 'conflict', 'current', to_jsonb(v_row), 'updated_by_name', v_by);
  END IF;

  INSERT INTO value_revisions (value_id, metric_id, year, value, qualifier, note, source, wording, source_producer, source_title,
    source_url, source_published, source_accessed, source_phrase, version, changed_by, changed_at, reason)
  VALUES (v_row.id, v_row.metric_id, p_year, v_row.value, v_row.qualifier, v_row.note, v_row.source, v_row.wording,
    v_row.source_producer, v_row.source_title, v_row.source_url, v_row.source_published, v_row.source_accessed,
    v_row.source_phrase, v_row.version, p_actor_id, v_row.updated_at, p_reason);

  IF p_audit THEN
    INSERT INTO audit_log (action, actor_id, actor_email, year, metric_key, detail, ip)
    VALUES ('value_saved', p_actor_id, p_actor_email, p_year, p_metric_key,
      jsonb_build_object('from', CASE WHEN v_has_cur THEN v_cur.value END, 'to', v_row.value, 'version', v_row.version), p_ip);
  END IF;

  RETURN jsonb_build_object('status', 'saved', 'row', to_jsonb(v_row));
END;
$$ LANGUAGE plpgsql;
