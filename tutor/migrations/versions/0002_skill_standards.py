"""skills name their Common Core standards and domain (issue 16)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 07:45:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.add_column(sa.Column('standards', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('domain', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.drop_column('domain')
        batch_op.drop_column('standards')
