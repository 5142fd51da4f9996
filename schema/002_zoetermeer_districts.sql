-- Zoetermeer's eight wijken, in reference order.
INSERT INTO districts (name, position) VALUES
  ('Centrum', 1),
  ('Meerzicht', 2),
  ('Buytenwegh', 3),
  ('De Leyens', 4),
  ('Seghwaert', 5),
  ('Noordhove', 6),
  ('Rokkeveen', 7),
  ('Oosterheem', 8);
