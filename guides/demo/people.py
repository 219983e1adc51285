"""The demo's authorities and users (a contract: see PRODUCT.md)."""

AUTHORITIES = [
    {
        "code": "digst",
        "name": "Digitaliseringsstyrelsen",
        "contact_email": "borgerdk@digst.example",
        "website": "https://digst.dk/",
        "owns_frame": True,  # signs off every guide's frame (title, intro, questions)
    },
    {
        "code": "kl",
        "name": "KL",
        "contact_email": "guides@kl.example",
        "website": "https://www.kl.dk/",
    },
    {
        "code": "star",
        "name": "Styrelsen for Arbejdsmarked og Rekruttering",
        "contact_email": "guides@star.example",
        "website": "https://star.dk/",
    },
    {
        "code": "skat",
        "name": "Skattestyrelsen",
        "contact_email": "guides@skat.example",
        "website": "https://skat.dk/",
    },
    {
        "code": "atp-udk",
        "name": "ATP/Udbetaling Danmark",
        "contact_email": "guides@atp.example",
        "website": "https://www.atp.dk/",
    },
]

EDITOR = {
    "username": "redaktoer",
    "first_name": "Rikke",
    "last_name": "Redaktør",
    "email": "redaktoer@vejviser.example",
}
ADMIN = {"username": "admin", "first_name": "Anders", "last_name": "Admin", "email": "admin@vejviser.example"}
REVIEWER_NAMES = {
    "digst": ("Dorthe", "Digst"),
    "kl": ("Karen", "Kommune"),
    "star": ("Søren", "Star"),
    "skat": ("Sanne", "Skat"),
    "atp-udk": ("Ahmed", "Udbetaling"),
}


def reviewer_username(code: str) -> str:
    return f"godkender-{code}"
