-- The checks the 2023 report implies, inserted once: an admin who later changes or deletes one keeps that choice
-- (the start-up seed would bring a deleted rule back). Each percentage's 0–100 is already a hard rule of its unit.
INSERT INTO validation_rules (key, expression, severity, message) VALUES
  ('women_peacekeepers_within_total', 'peacekeepers_women <= peacekeepers_total', 'error', 'Women peacekeepers cannot outnumber all peacekeepers'),
  ('convictions_within_prosecutions', 'serious_crimes_convictions <= serious_crimes_prosecutions', 'error', 'Convictions for serious crimes cannot outnumber the prosecutions that led to them'),
  ('circles_of_peace_have_women', 'car_circles_of_peace <= car_circles_of_peace_women', 'warning', 'Every circle of peace counts at least one woman: circles should not outnumber the women in them'),
  ('advisers_cover_their_countries', 'pda_countries <= pda_international', 'warning', 'Each country with an international peace and development adviser has at least one: countries should not outnumber advisers')
ON CONFLICT (key) DO NOTHING;
