// Entry point: applies the saved light/dark choice, then mounts the application shell.
import { mount } from "svelte";
import App from "./App.svelte";
import { applyTheme, loadTheme } from "./lib/theme";
import "./app.css";

applyTheme(loadTheme());

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
export default mount(App, { target });
