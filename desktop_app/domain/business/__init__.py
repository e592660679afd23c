"""The individual-business desk: records, credit codes, application facts, eligibility and signals.

Pure Python (stdlib only). Import from the submodules, e.g.
``from desktop_app.domain.business.eligibility import check_eligibility``.
"""
