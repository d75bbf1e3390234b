"""Social handles: normalise what the owner types or pastes, and build profile links.

"@Sanne.Styled", " sanne.styled ", "https://www.instagram.com/sanne.styled/?hl=nl" all
become ``sanne.styled``, so two spellings of one account are recognised as the same
(the database keeps one row per platform and normalised name). Pure Python.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from desktop.i18n import _

PLATFORMS = ("instagram", "tiktok", "youtube", "pinterest", "blog")

# The host names each platform uses (without "www."/"m."); used to recognise pasted links.
HOSTS = {
    "instagram": ("instagram.com", "instagr.am"),
    "tiktok": ("tiktok.com",),
    "youtube": ("youtube.com", "youtu.be"),
    "pinterest": ("pinterest.com", "pinterest.nl", "pinterest.be", "pinterest.co.uk", "pinterest.de",
                  "pinterest.fr", "pin.it"),
}

# What a normalised name may look like, per platform (as the platforms document it).
_PATTERNS = {
    "instagram": re.compile(r"^[a-z0-9._]{1,30}$"),
    "tiktok": re.compile(r"^[a-z0-9._]{2,24}$"),
    "youtube": re.compile(r"^([a-z0-9._-]{3,30}|channel/UC[A-Za-z0-9_-]{22}|(c|user)/[A-Za-z0-9._-]{1,100})$"),
    "pinterest": re.compile(r"^[a-z0-9_]{3,30}$"),
}
_BLOG = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/[^\s]*)?$")

# The first part of an instagram.com address that is a page of Instagram's own, not an
# account (a logged-out browser's "accounts/login/?next=/sanne/" was stored as "accounts").
_INSTAGRAM_PAGES = frozenset((
    "accounts", "explore", "direct", "about", "developer", "legal", "privacy", "web", "challenge", "emails",
    "session", "graphql", "api", "oauth", "login", "signup", "directory", "press", "help", "static", "tags",
    "locations", "topics", "your_activity", "settings", "archive", "lite", "download", "nametag", "create"))
_INSTAGRAM_POSTS = frozenset(("p", "reel", "reels", "tv", "stories"))
# Pinterest's pages that are not an account.
_PINTEREST_PAGES = frozenset(("pin", "search", "ideas", "today", "settings", "business", "categories", "_",
                              "login", "signup", "discover", "videos", "shopping"))


class HandleError(ValueError):
    """The text is not a usable handle for the platform; the message says why."""


def platform_of_url(text: str) -> str | None:
    """The platform a pasted link belongs to, or None when it is not a social link."""
    host = _host(text)
    if not host:
        return None
    for platform, hosts in HOSTS.items():
        if any(host == h or host.endswith("." + h) for h in hosts):
            return platform
    return None


def _host(text: str) -> str:
    text = text.strip()
    if "://" not in text:
        if not re.match(r"^(www\.|m\.)?[a-z0-9-]+(\.[a-z0-9-]+)+/", text, re.I):
            return ""
        text = "https://" + text
    try:
        host = (urlsplit(text).hostname or "").lower()
    except ValueError:
        return ""
    for prefix in ("www.", "m.", "vm."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host


def normalise(platform: str, text: str) -> str:
    """The stored form of a handle; raises HandleError with a message for the owner.

    Returns "" for empty input (no handle on that platform).
    """
    raw = "".join(text.split())  # spaces anywhere: pasted with a space, "@ sanne"
    if not raw:
        return ""
    if platform == "blog":
        return _normalise_blog(raw)
    looks_like_url = "://" in raw or bool(_host(raw))
    if looks_like_url:
        other = platform_of_url(raw)
        if other is None:
            raise HandleError(_("This link is not a profile on {platform}.").format(platform=_platform_name(platform)))
        if other != platform:
            raise HandleError(_("This is a link to {other}, not to {platform}.").format(
                other=_platform_name(other), platform=_platform_name(platform)))
        name = _name_from_path(platform, raw)
    else:
        name = raw.lstrip("@")
    if not name.startswith(("channel/", "c/", "user/")):
        name = name.lower()
    if not _PATTERNS[platform].match(name):
        raise HandleError(_("“{text}” is not a valid {platform} name.").format(
            text=text.strip(), platform=_platform_name(platform)))
    return name


def _parts(url: str) -> list[str]:
    if "://" not in url:
        url = "https://" + url
    return [p for p in urlsplit(url).path.split("/") if p]


def _name_from_path(platform: str, url: str) -> str:
    if "://" not in url:
        url = "https://" + url
    parts = _parts(url)
    if platform == "pinterest" and _host(url) == "pin.it":
        # TRANSLATORS: pin.it is Pinterest's short link; "pinterest.com/naam" shows the address to paste.
        raise HandleError(_("This is a short Pinterest link: open it and paste the address of the profile itself "
                            "(pinterest.com/name)."))
    if not parts:
        raise HandleError(_("This link has no profile name in it."))
    first = parts[0]
    if platform == "youtube":
        if first.startswith("@"):
            return first[1:]
        if first in ("channel", "c", "user") and len(parts) > 1:
            return f"{first}/{parts[1]}"
        raise HandleError(_("This YouTube link is not a channel."))
    if platform == "tiktok":
        if not first.startswith("@"):
            raise HandleError(_("This TikTok link is not a profile."))
        return first[1:]
    if platform == "instagram" and first in _INSTAGRAM_POSTS:
        if first == "stories" and len(parts) > 1:
            return parts[1]
        raise HandleError(_("This is a link to a post, not to a profile."))
    if platform == "instagram" and first.lower() in _INSTAGRAM_PAGES:
        after = parse_qs(urlsplit(url).query).get("next", [""])[0]  # the page the login leads to
        leads_to = [p for p in after.split("/") if p]
        if first.lower() == "accounts" and len(leads_to) == 1 and leads_to[0].lower() not in (
                _INSTAGRAM_PAGES | _INSTAGRAM_POSTS):
            return leads_to[0]
        raise HandleError(_("This link is not a profile on {platform}.").format(platform=_platform_name(platform)))
    if platform == "pinterest" and first.lower() in _PINTEREST_PAGES:
        if first == "pin":
            raise HandleError(_("This is a link to a pin, not to a profile."))
        raise HandleError(_("This link is not a profile on {platform}.").format(platform=_platform_name(platform)))
    return first.lstrip("@")


def is_profile_link(text: str) -> bool:
    """Is ``text`` the link to an account on a social platform (its profile page, nothing
    below it), rather than to something posted there?"""
    platform = platform_of_url(text)
    if platform is None:
        return False
    parts = _parts(text.strip())
    try:
        name = _name_from_path(platform, text.strip())
    except HandleError:
        return False
    if platform == "youtube":
        return len(parts) == (1 if parts and parts[0].startswith("@") else 2) and bool(name)
    if platform == "instagram" and parts and parts[0].lower() in _INSTAGRAM_PAGES:
        return True  # a login leading to a profile
    return len(parts) == 1 and bool(name)


def _normalise_blog(raw: str) -> str:
    text = raw
    social = platform_of_url(raw)
    if social is not None:  # an Instagram profile is no blog: it has its own field
        raise HandleError(_("This is a link to {platform}: fill it in at {platform}.").format(
            platform=_platform_name(social)))
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https"):
            raise HandleError(_("A blog address starts with http:// or https://."))
        text = (parts.hostname or "") + parts.path
    text = text.lower().rstrip("/")
    if text.startswith("www."):
        text = text[4:]
    if not _BLOG.match(text):
        raise HandleError(_("“{text}” is not a web address.").format(text=raw))
    return text


def profile_url(platform: str, name: str) -> str:
    """The public profile link for a normalised handle."""
    if not name:
        return ""
    if platform == "instagram":
        return f"https://www.instagram.com/{name}/"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{name}"
    if platform == "youtube":
        return f"https://www.youtube.com/{name}" if "/" in name else f"https://www.youtube.com/@{name}"
    if platform == "pinterest":
        return f"https://www.pinterest.com/{name}/"
    return f"https://{name}"


def display(platform: str, name: str) -> str:
    """How a handle is shown: "@name" on social platforms, the address for a blog."""
    if platform == "blog" or "/" in name:
        return name
    return "@" + name


def _platform_name(platform: str) -> str:
    from desktop.labels import label

    return label("platform", platform)
