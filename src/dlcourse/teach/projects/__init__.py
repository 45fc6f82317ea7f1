"""Final projects: the catalogue of proposals (catalogue.py), its rendering (render.py), and the allocation
of groups to projects from their ranked choices (allocate.py); `dlcourse projects` is cli.py."""
