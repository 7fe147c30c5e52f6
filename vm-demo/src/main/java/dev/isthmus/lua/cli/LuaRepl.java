package dev.isthmus.lua.cli;

/**
 * {@code isthmus repl [options] [script [args]]}: {@code isthmus run -i}, the prompt after
 * whatever the options and the script do (luajit's {@code -i}).
 */
public final class LuaRepl {
    private LuaRepl() {
    }

    public static void main(String[] args) throws InterruptedException {
        String[] withPrompt = new String[args.length + 1];
        withPrompt[0] = "-i";
        System.arraycopy(args, 0, withPrompt, 1, args.length);
        LuaLauncher.main(withPrompt);
    }
}
