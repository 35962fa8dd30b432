"""Opening and creating a profile: migrations on start-up, reference data on first run."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from db.migrate import upgrade_to_head
from db.models import ProfileMeta
from db.session import make_engine, make_sessionmaker
from desktop.paths import ProfilePaths

META_DEVICE = "device_id"
META_COMMUNE = "commune_code"
META_COLLABORATOR = "collaborator"


@dataclass(slots=True)
class Profile:
    """An open profile: the engine, a session factory stamped with this device, and its facts."""

    paths: ProfilePaths
    engine: Engine
    sessions: sessionmaker[Session]
    device_id: str
    commune_code: str
    collaborator: str

    def today(self) -> date:
        return date.today()

    def close(self) -> None:
        self.engine.dispose()


def open_profile(paths: ProfilePaths) -> Profile:
    """Open (creating if needed) the profile database, migrated to the newest schema."""
    from desktop.services import reference

    paths.ensure()
    engine = make_engine(paths.database)
    upgrade_to_head(engine)
    bootstrap = make_sessionmaker(engine)
    with bootstrap.begin() as session:
        reference.load_if_needed(session)
        meta = _read_meta(session)
        if META_DEVICE not in meta:
            meta[META_DEVICE] = str(uuid.uuid4())
            session.add(ProfileMeta(key=META_DEVICE, value=meta[META_DEVICE]))
    device = meta[META_DEVICE]
    profile = Profile(
        paths=paths,
        engine=engine,
        sessions=make_sessionmaker(engine, device_id=device),
        device_id=device,
        commune_code=meta.get(META_COMMUNE, ""),
        collaborator=meta.get(META_COLLABORATOR, ""),
    )
    if is_set_up(profile) and not paths.device_cert.exists():
        _ensure_identity(profile)  # profiles made before device identities existed get one now
    return profile


def is_set_up(profile: Profile) -> bool:
    return bool(profile.commune_code)


def set_up(profile: Profile, *, commune_code: str, collaborator: str) -> None:
    """Name the commune this profile serves and the collaborator who keeps it."""
    from desktop.services import reference
    from desktop.services.validation import name_problems, raise_if

    raise_if(name_problems("collaborator", collaborator))
    with profile.sessions.begin() as session:
        reference.require_commune(session, commune_code)
        for key, value in ((META_COMMUNE, commune_code), (META_COLLABORATOR, collaborator.strip())):
            session.merge(ProfileMeta(key=key, value=value))
    profile.commune_code = commune_code
    profile.collaborator = collaborator.strip()
    _ensure_identity(profile)


def _ensure_identity(profile: Profile) -> None:
    """The device key and certificate are made once the collaborator and commune are known."""
    from desktop.services import identity

    identity.ensure_identity(profile, identity.secret_store(profile))


def _read_meta(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(ProfileMeta))}
