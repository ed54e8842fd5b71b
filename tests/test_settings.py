from pathlib import Path

import pytest

from tutor.errors import SettingsError
from tutor.settings import Settings


def test_defaults_put_everything_under_home(tmp_path):
    s = Settings.from_env({"TUTOR_HOME": str(tmp_path)})
    assert s.home == tmp_path
    assert s.database_url == f"sqlite:///{tmp_path / 'tutor.db'}"
    assert s.model_backend == "llama_cpp"
    assert s.gpu_layers is None  # auto: every layer on a GPU build of llama-cpp-python, none on a CPU build
    assert s.log_level == "INFO"
    assert s.plugins is None
    assert s.models_dir == tmp_path / "models"


def test_default_home_is_per_user_data_dir():
    s = Settings.from_env({"HOME": "/home/kid"})
    assert s.home == Path("/home/kid/.local/share/tutor")
    s = Settings.from_env({"XDG_DATA_HOME": "/data"})
    assert s.home == Path("/data/tutor")


def test_values_are_read_from_tutor_variables(tmp_path):
    s = Settings.from_env(
        {
            "TUTOR_HOME": str(tmp_path),
            "TUTOR_DATABASE_URL": "postgresql+psycopg://u:p@db/tutor",
            "TUTOR_MODEL_BACKEND": "openai",
            "TUTOR_MODEL_PATH": str(tmp_path / "m.gguf"),
            "TUTOR_GPU_LAYERS": "-1",
            "TUTOR_LOG_LEVEL": "debug",
            "TUTOR_PLUGINS": "arithmetic, fractions,,",
        }
    )
    assert s.database_url.startswith("postgresql+psycopg://")
    assert s.is_sqlite is False
    assert s.model_backend == "openai"
    assert s.model_path == tmp_path / "m.gguf"
    assert s.gpu_layers == -1
    assert s.log_level == "DEBUG"
    assert s.plugins == ("arithmetic", "fractions")


@pytest.mark.parametrize(
    ("var", "value", "accepts"),
    [
        ("TUTOR_MODEL_BACKEND", "gpt5", "llama_cpp, ctransformers, openai"),
        ("TUTOR_GPU_LAYERS", "many", "whole number"),
        ("TUTOR_GPU_LAYERS", "-5", "whole number from -1"),
        ("TUTOR_GPU_LAYERS", "all", "auto or a whole number"),
        ("TUTOR_CONTEXT_WINDOW", "10", "512"),
        ("TUTOR_LOG_LEVEL", "LOUD", "DEBUG, INFO"),
        ("TUTOR_DATABASE_URL", "tutor.db", "sqlite:///"),
        ("TUTOR_REQUEST_TIMEOUT", "soon", "number"),
        ("TUTOR_SANDBOX", "docker", "bwrap"),
    ],
)
def test_invalid_value_names_the_variable_and_what_it_accepts(tmp_path, var, value, accepts):
    with pytest.raises(SettingsError) as err:
        Settings.from_env({"TUTOR_HOME": str(tmp_path), var: value})
    assert var in str(err.value)
    assert accepts in str(err.value)


@pytest.mark.parametrize(("value", "layers"), [("auto", None), ("AUTO", None), ("", None), ("0", 0), ("-1", -1),
                                               ("12", 12)])
def test_gpu_layers_auto_or_a_number(tmp_path, value, layers):
    assert Settings.from_env({"TUTOR_HOME": str(tmp_path), "TUTOR_GPU_LAYERS": value}).gpu_layers == layers


def test_api_key_is_not_in_repr(tmp_path):
    s = Settings.from_env({"TUTOR_HOME": str(tmp_path), "TUTOR_OPENAI_API_KEY": "sk-secret"})
    assert s.openai_api_key == "sk-secret"
    assert "sk-secret" not in repr(s)


def test_building_settings_touches_no_disk(tmp_path):
    home = tmp_path / "not-yet"
    Settings.from_env({"TUTOR_HOME": str(home)})
    assert not home.exists()
